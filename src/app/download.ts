// The parts of the app that load on use (the YAML loader, a scenario's data or text, the log reader)
// come from the server as chunks. When one does not arrive (the network went away) the user must be
// told that, where they acted — not that a file is broken. Trying again is asking again: a loader
// wrapped here keeps no failure (scenarios.ts's memo forgets one too), and Chromium fetches a module
// whose import failed anew on the next import() — checked in Debian's Chromium 156 (a same-URL
// re-import after a 503 succeeds). A browser that still remembers the failure (older ones, per the
// earlier HTML spec) fails the retry the same way, so the message keeps saying a reload is the way out.
import { t, type Lang } from './i18n.ts';

/** A chunk of the app that could not be downloaded. */
export class DownloadError extends Error {
  constructor(cause: unknown) {
    super(`could not download part of the app: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'DownloadError';
  }
}

/** `load` (a dynamic import), its failure turned into a DownloadError. */
export function downloaded<A extends unknown[], T>(load: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return (...args) =>
    load(...args).catch((e: unknown) => {
      throw e instanceof DownloadError ? e : new DownloadError(e);
    });
}

export const isDownloadError = (e: unknown): e is DownloadError => e instanceof DownloadError;

/** What to tell the user. */
export const downloadMessage = (lang: Lang) => t(lang, 'app.downloadFailed');
