// Which scenario the page opens with (issue 12). In order:
//   1. the scenario chosen in this tab (sessionStorage): a reload before 开始推演 comes back to it;
//   2. the trainer's start page (localStorage, set in the picker: 设为首页情景), for every new visit;
//   3. the default the page was built with (package.json "quakeDrill": { "defaultScenario" }, see
//      src/cli/shipped-scenarios.ts).
// A drill under way is not this module's: persistence restores it over whatever opens (connect.ts).
// A local file is kept with its text (it is nowhere else in the browser); a shipped one by its name.

/** The part of the Web Storage API used here (sessionStorage / localStorage in the browser, a Map in tests). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A scenario to open: a shipped file by its name, a local one with its YAML text. */
export interface Opening {
  file: string;
  text?: string;
}

/** The scenario on show in this tab (sessionStorage: a reload keeps it, a new visit does not). */
export const CHOSEN_KEY = 'quake-drill.scenario';
/** The trainer's start page (localStorage: every visit of this browser). */
export const START_PAGE_KEY = 'quake-drill.start-page';

export type OpenedFrom = 'chosen' | 'start-page' | 'default';

/**
 * The scenario to open, from what is stored (each the JSON of an Opening, or null): one the page
 * cannot open (a shipped file no longer shipped, a garbled entry) is passed over.
 */
export function openingScenario(stored: { chosen: string | null; startPage: string | null }, shipped: readonly string[], configured: string): Opening & { from: OpenedFrom } {
  for (const from of ['chosen', 'start-page'] as const) {
    const opening = readOpening(from === 'chosen' ? stored.chosen : stored.startPage, shipped);
    if (opening) return { ...opening, from };
  }
  return { file: configured, from: 'default' };
}

function readOpening(json: string | null, shipped: readonly string[]): Opening | null {
  if (json === null) return null;
  let x: unknown;
  try {
    x = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof x !== 'object' || x === null) return null;
  const { file, text } = x as Record<string, unknown>;
  if (typeof file !== 'string' || file === '') return null;
  if (typeof text === 'string') return { file, text };
  return shipped.includes(file) ? { file } : null;
}

export interface StartPages {
  /** What the page opens now. */
  opening(): Opening & { from: OpenedFrom };
  /** The scenario on show in this tab changed (chosen in the picker). */
  remember(chosen: Opening): void;
  /** Forgets a stored choice the page could not open (the default opens instead). */
  forget(from: OpenedFrom): void;
  /** The start page's file, or null for the configured default. */
  startPage(): string | null;
  /** Makes a scenario the start page (null: back to the configured default); false when the browser would not keep it. */
  setStartPage(opening: Opening | null): boolean;
}

/** The choices kept in `storage` (either may be null where the browser disables it). */
export function startPages(storage: { session: StorageLike | null; local: StorageLike | null }, shipped: readonly string[], configured: string): StartPages {
  const get = (s: StorageLike | null, key: string) => {
    try {
      return s?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const put = (s: StorageLike | null, key: string, value: Opening | null): boolean => {
    if (!s) return false;
    try {
      if (value === null) s.removeItem(key);
      else s.setItem(key, JSON.stringify(keep(value)));
      return true;
    } catch {
      return false; // storage full or disabled: the page opens the default, as before
    }
  };
  // A shipped file's text is the page's own: kept by name, so a new version of it is what opens.
  const keep = (o: Opening): Opening => (o.text === undefined || shipped.includes(o.file) ? { file: o.file } : { file: o.file, text: o.text });
  return {
    opening: () => openingScenario({ chosen: get(storage.session, CHOSEN_KEY), startPage: get(storage.local, START_PAGE_KEY) }, shipped, configured),
    remember: (chosen) => void put(storage.session, CHOSEN_KEY, chosen),
    forget: (from) => {
      if (from === 'chosen') put(storage.session, CHOSEN_KEY, null);
      else if (from === 'start-page') put(storage.local, START_PAGE_KEY, null);
    },
    startPage: () => readOpening(get(storage.local, START_PAGE_KEY), shipped)?.file ?? null,
    setStartPage: (opening) => put(storage.local, START_PAGE_KEY, opening),
  };
}

/** This browser's session and local storage; null where one is disabled (reading the property can throw). */
export function browserStorage(win: { sessionStorage?: StorageLike; localStorage?: StorageLike } | undefined = globalThis as never): { session: StorageLike | null; local: StorageLike | null } {
  const read = (key: 'sessionStorage' | 'localStorage') => {
    try {
      return win?.[key] ?? null;
    } catch {
      return null;
    }
  };
  return { session: read('sessionStorage'), local: read('localStorage') };
}
