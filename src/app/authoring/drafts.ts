// Drafts of the authoring view kept in this browser (localStorage): each saved draft under its scenario
// id (meta.id), so two scenarios being written do not overwrite each other, and the working copy —
// what the editor holds, saved as it is checked — so a reload or leaving the view loses no typing.
// Storage can be off or full: every call says whether it worked instead of throwing.

export interface Draft {
  file: string;
  text: string;
}

/** The part of the Web Storage API drafts use (localStorage in the browser, a Map in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'quake-drill.author.draft:';
const WORKING = 'quake-drill.author.working';

/** A draft's key: its scenario's id. A file whose id cannot be read yet is kept as 'untitled'. */
export const UNTITLED = 'untitled';

/**
 * The scenario id written in a text that may not load: `id:` directly under a top-level `meta:`.
 * A heuristic for broken files only — a file that loads is keyed by its parsed meta.id.
 */
export function idInText(text: string): string | null {
  const meta = /^meta:[ \t]*(?:#.*)?\r?\n((?:(?:[ \t]+.*|[ \t]*)(?:\r?\n|$))*)/m.exec(text);
  if (!meta) return null;
  const id = /^([ \t]+)id:[ \t]*['"]?([A-Za-z0-9][\w.-]*)/m.exec(meta[1]!);
  return id ? id[2]! : null;
}

export interface Drafts {
  /** Saves under `id`; false when storage refused. */
  save(id: string, draft: Draft): boolean;
  load(id: string): Draft | null;
  /** The ids of the saved drafts, sorted. */
  list(): string[];
  /** The editor's working copy (kept on every check). */
  keepWorking(draft: Draft): boolean;
  working(): Draft | null;
}

export function createDrafts(storage: DraftStorage | null): Drafts {
  const read = (key: string): Draft | null => {
    try {
      const raw = storage?.getItem(key);
      if (!raw) return null;
      const v = JSON.parse(raw) as Partial<Draft>;
      return typeof v.file === 'string' && typeof v.text === 'string' ? { file: v.file, text: v.text } : null;
    } catch {
      return null; // storage off, or an entry that is not ours: no draft
    }
  };
  const write = (key: string, draft: Draft): boolean => {
    if (!storage) return false;
    try {
      storage.setItem(key, JSON.stringify({ file: draft.file, text: draft.text }));
      return true;
    } catch {
      return false; // quota exceeded or storage disabled: the caller says so
    }
  };
  return {
    save: (id, draft) => write(PREFIX + id, draft),
    load: (id) => read(PREFIX + id),
    list() {
      const ids: string[] = [];
      try {
        for (let i = 0; storage && i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
        }
      } catch {
        return [];
      }
      return ids.sort();
    },
    keepWorking: (draft) => write(WORKING, draft),
    working: () => read(WORKING),
  };
}

/** This browser's localStorage, or null where it is disabled (reading the property can throw). */
export function browserStorage(win: Window | undefined): DraftStorage | null {
  try {
    return win?.localStorage ?? null;
  } catch {
    return null;
  }
}
