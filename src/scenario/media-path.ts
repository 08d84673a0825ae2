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

/** Why `file` cannot be a media file of the scenario (in English and Chinese), or undefined when it may be. */
export function mediaPathProblem(file: string): { message: string; zh: string } | undefined {
  if (/^https:\/\/[^/]/i.test(file)) return BAD_ADDRESS.test(file) ? { message: 'an address may not hold blanks, backslashes or control characters', zh: '网址中不能有空白、反斜杠或控制字符' } : undefined;
  if (UNSAFE.test(file)) return { message: 'a media path may not hold backslashes, %-escapes, ? or #, control characters, or blanks at either end', zh: '媒体文件路径中不能有反斜杠、%转义、? 或 #、控制字符，首尾也不能有空白' };
  if (URL_SCHEME.test(file)) {
    const scheme = file.slice(0, file.indexOf(':') + 1);
    return { message: `'${scheme}' media do not load: name a file beside the scenario (or an https address)`, zh: `'${scheme}' 媒体文件不会加载：请写情景文件旁的文件（或 https 网址）` };
  }
  if (file.startsWith('//')) return { message: 'a path that starts with // names another server', zh: '以 // 开头的路径指向另一台服务器' };
  if (file.startsWith('/')) return { message: 'an absolute path points outside the scenario\'s folder', zh: '绝对路径指向情景文件所在文件夹之外' };
  if (climbsOut(file)) return { message: '`..` leads out of the scenario\'s folder', zh: '`..` 会离开情景文件所在的文件夹' };
  if (file.endsWith('/') || file === '.' || file.endsWith('/.') || file.endsWith('/..')) return { message: 'this names a folder, not a file', zh: '这是文件夹，不是文件' };
  return undefined;
}
