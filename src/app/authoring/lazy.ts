// The app's hook for the authoring view (boot.ts): mounts it from its lazy chunk, so neither the first
// screen nor the app's own chunk carries the YAML editor. Until the chunk is here the slot says it is
// loading; a chunk that does not arrive is said there.
import type { AuthoringHandle } from './mount.ts';
import type { BrowserAuthoringOptions } from './browser.ts';
import { downloaded, downloadMessage } from '../download.ts';
import { t, type Lang } from '../i18n.ts';

const load = downloaded(() => import('./browser.ts'));

export function lazyAuthoring(el: HTMLElement, o: BrowserAuthoringOptions): { update(lang: Lang): void; destroy(): void } {
  let lang = o.lang;
  let handle: AuthoringHandle | null = null;
  let gone = false;
  el.textContent = t(lang, 'app.loading');
  load().then(
    ({ mountBrowserAuthoring }) => {
      if (gone) return;
      el.textContent = '';
      handle = mountBrowserAuthoring(el, { ...o, lang });
    },
    () => {
      if (!gone) el.textContent = downloadMessage(lang);
    },
  );
  return {
    update(next) {
      lang = next;
      handle?.update(next);
    },
    destroy() {
      gone = true;
      handle?.destroy();
    },
  };
}
