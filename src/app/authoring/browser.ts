// The authoring view as the browser mounts it (its lazy chunk, loaded by lazy.ts when the view is
// opened): drafts in localStorage, downloads as files, the dry run in a worker, CodeMirror as the
// editor (a chunk of its own, the textarea until it arrives), the skeleton from scenarios/minimal.yaml.
import { downloadText } from '../persist/export-log.ts';
import { SHIPPED } from '../persist/scenarios.ts';
import type { Lang } from '../i18n.ts';
import { browserStorage } from './drafts.ts';
import { dryRunInWorker } from './dry-run-client.ts';
import { mountAuthoring, type AuthoringHandle } from './mount.ts';
import './authoring.css';

export interface BrowserAuthoringOptions {
  lang: Lang;
  back(): void;
  /** Opens the briefing of the scenario text (the picker's way with a local file). */
  play(file: string, text: string): void;
}

export function mountBrowserAuthoring(el: HTMLElement, o: BrowserAuthoringOptions): AuthoringHandle {
  return mountAuthoring(el, {
    lang: o.lang,
    storage: browserStorage(el.ownerDocument.defaultView ?? undefined),
    shipped: SHIPPED,
    blank: () => import('../../../scenarios/minimal.yaml?raw').then((m) => m.default),
    download: (name, text) => downloadText(name, text, el.ownerDocument, 'application/yaml'),
    play: o.play,
    dryRun: dryRunInWorker,
    editor: import('./codemirror.ts').then((m) => m.codeMirrorEditor),
    back: o.back,
  });
}
