// Where an inject's media file loads from: only a file beside the scenario (its folder or below) or
// an origin on an explicit allow-list. Anything else — another host, an absolute path, a `..` escape,
// javascript:/data: — shows nothing: a scenario opened from anywhere must not make the browser
// fetch from elsewhere (every request tells that host the drill is being played, and when).
import { mediaPathProblem, URL_SCHEME } from '../../scenario/media-path.ts';

/**
 * Origins media may also load from (https only): none by default. A deployment that serves the
 * media of its scenarios from its own file server adds that origin here.
 */
export const MEDIA_ORIGINS: readonly string[] = [];

/** A stand-in origin to resolve relative paths with `new URL`; never fetched. */
const BASE = 'https://scenario.invalid/';

/**
 * The URL of a media file named in the scenario: a path relative to the page when the file is beside
 * the scenario file, the absolute URL when its origin is allowed, null otherwise.
 */
export function mediaUrl(scenarioFile: string, file: string, allow: readonly string[] = MEDIA_ORIGINS): string | null {
  // The scenario's own rule (the lint reports it where it stands); checked again before any request.
  if (file === '' || mediaPathProblem(file)) return null;
  if (URL_SCHEME.test(file)) return allowedAbsolute(file, allow);
  const scenario = new URL(scenarioFile.replace(/^\/+/, ''), BASE);
  const folder = new URL('.', scenario);
  const url = new URL(file, folder);
  if (url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname)) return null; // ../ escapes
  if (url.pathname === folder.pathname || url.pathname.endsWith('/')) return null; // a folder, not a file
  return scenarioFile.startsWith('/') ? url.pathname : url.pathname.slice(1);
}

function allowedAbsolute(file: string, allow: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(file);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && !url.username && !url.password && allow.includes(url.origin) ? url.href : null;
}
