// The authoring view mounted as the app mounts it, with a textarea for the editor, storage in memory
// and a manual timer: `settle()` runs the check that a pause in typing would.
import '../quiet-lit.ts';
import { afterEach } from 'vitest';
import { fireEvent } from '@testing-library/dom';
import { mountAuthoring, type AuthoringMountOptions } from '../../../src/app/authoring/mount.ts';
import type { DraftStorage } from '../../../src/app/authoring/drafts.ts';
import type { Lang } from '../../../src/app/i18n.ts';
import { minimal } from '../render.ts';

/** Web Storage over a Map, as localStorage behaves (keys in insertion order). */
export function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

const mounted: (() => void)[] = [];
afterEach(() => {
  while (mounted.length > 0) mounted.pop()!();
});

export function mountForTest(opts: { storage?: DraftStorage; lang?: Lang; text?: string; options?: Partial<AuthoringMountOptions> } = {}) {
  const container = document.body.appendChild(document.createElement('div'));
  const timers: (() => void)[] = [];
  const downloads: { name: string; text: string }[] = [];
  const storage = opts.storage ?? memoryStorage();
  // A text to start from is the working copy a previous visit left.
  if (opts.text !== undefined) storage.setItem('quake-drill.author.working', JSON.stringify({ file: 'test.yaml', text: opts.text }));
  const handle = mountAuthoring(container, {
    lang: opts.lang ?? 'zh',
    storage,
    shipped: [],
    blank: async () => minimal(),
    download: (name, text) => void downloads.push({ name, text }),
    schedule: (fn) => {
      timers.push(fn);
      return () => {
        const i = timers.indexOf(fn);
        if (i >= 0) timers.splice(i, 1);
      };
    },
    ...opts.options,
  });
  const destroy = () => {
    handle.destroy();
    container.remove();
  };
  mounted.push(destroy);
  const textarea = () => container.querySelector('textarea')!;
  return {
    container,
    handle,
    downloads,
    storage,
    textarea,
    /** Types the whole text into the editor, as an input event. */
    type(text: string) {
      const area = textarea();
      area.value = text;
      fireEvent.input(area);
    },
    /** The pause in typing: the pending check runs. */
    settle() {
      while (timers.length > 0) timers.shift()!();
    },
    /** Unmounts (as leaving the view does). */
    destroy() {
      const i = mounted.indexOf(destroy);
      if (i >= 0) mounted.splice(i, 1);
      destroy();
    },
  };
}
