// What an inject's `media.file` may be: a path to a file beside the scenario (its folder or below),
// or an https URL that the app loads only from origins it allow-lists. The lint reports the rest
// where it stands; the app (src/app/views/media.ts) refuses it again before any request.

/**
 * Control characters and surrounding blanks (URL parsers drop them, so " //evil" becomes "//evil");
 * backslashes (browsers read "/\evil" as "//evil"); percent escapes (a server that decodes "..%2f"
 * climbs out); query and fragment (not part of a file name).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\%?#]|^\s|\s$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_ADDRESS = /[\u0000-\u0020\u007f\\]/;
export const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Whether a `..` climbs above the starting folder at some point (even where a root would clamp it). */
function climbsOut(path: string): boolean {
  let depth = 0;
  for (const segment of path.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '.' && segment !== '') depth++;
    if (depth < 0) return true;
  }
  return false;
}

/** Why `file` cannot be a media file of the scenario, or undefined when it may be. */
export function mediaPathProblem(file: string): string | undefined {
  if (/^https:\/\/[^/]/i.test(file)) return BAD_ADDRESS.test(file) ? 'an address may not hold blanks, backslashes or control characters' : undefined;
  if (UNSAFE.test(file)) return 'a media path may not hold backslashes, %-escapes, ? or #, control characters, or blanks at either end';
  if (URL_SCHEME.test(file)) return `'${file.slice(0, file.indexOf(':') + 1)}' media do not load: name a file beside the scenario (or an https address)`;
  if (file.startsWith('//')) return 'a path that starts with // names another server';
  if (file.startsWith('/')) return 'an absolute path points outside the scenario\'s folder';
  if (climbsOut(file)) return '`..` leads out of the scenario\'s folder';
  if (file.endsWith('/') || file === '.' || file.endsWith('/.') || file.endsWith('/..')) return 'this names a folder, not a file';
  return undefined;
}
