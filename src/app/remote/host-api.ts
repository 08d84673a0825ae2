// The server's REST side (src/server/server.ts): creating a drill, its join links, revoking one,
// downloading the log. A refusal comes back as {code, reason}, the reason in the language asked for.
import type { Link } from '../../protocol/messages.ts';
import type { DrillRole } from '../../protocol/roles.ts';
import type { Lang } from '../i18n.ts';

export type { Link };

export type Reply<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface HostApi {
  /** A drill of a shipped scenario (its file name), or one uploaded as its log file's text. */
  createDrill(from: { scenario: string; seed?: number } | { log: string }): Promise<Reply<{ drill: string; links: Link[] }>>;
  links(drill: string): Promise<Reply<Link[]>>;
  issue(drill: string, role: DrillRole, seat: string): Promise<Reply<Link>>;
  revoke(drill: string, nonce: string): Promise<Reply<null>>;
  log(drill: string): Promise<Reply<string>>;
}

/** The API at `base` (the page's origin) with a host key or a controlling role's join token. */
export function hostApi(base: string, key: string, lang: () => Lang, fetchImpl: typeof fetch = fetch): HostApi {
  const call = async <T>(method: 'GET' | 'POST', path: string, read: (r: Response) => Promise<T>, body?: unknown): Promise<Reply<T>> => {
    let r: Response;
    try {
      r = await fetchImpl(`${base}${path}?lang=${lang()}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      return { ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
    if (!r.ok) {
      const refusal = (await r.json().catch(() => null)) as { reason?: unknown } | null;
      return { ok: false, reason: typeof refusal?.reason === 'string' ? refusal.reason : `HTTP ${r.status}` };
    }
    return { ok: true, value: await read(r) };
  };
  const json = <T>(r: Response) => r.json() as Promise<T>;
  const at = (drill: string) => `/api/drills/${encodeURIComponent(drill)}`;
  return {
    createDrill: (from) => call('POST', '/api/drills', json<{ drill: string; links: Link[] }>, from),
    links: async (drill) => {
      const reply = await call('GET', `${at(drill)}/links`, json<{ links: Link[] }>);
      return reply.ok ? { ok: true, value: reply.value.links } : reply;
    },
    issue: (drill, role, seat) => call('POST', `${at(drill)}/links`, json<Link>, { role, seat }),
    revoke: (drill, nonce) => call('POST', `${at(drill)}/revoke`, async () => null, { nonce }),
    log: (drill) => call('GET', `${at(drill)}/log`, (r) => r.text()),
  };
}
