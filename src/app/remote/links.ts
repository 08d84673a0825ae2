// The join links of one drill as a page keeps them: read from the server, copied, revoked, issued,
// and the drill's log downloaded — for the host panel and the facilitator's console alike.
import type { DrillRole } from '../../protocol/roles.ts';
import type { Lang } from '../i18n.ts';
import { downloadText } from '../persist/export-log.ts';
import { joinLinksPanel } from '../views/join-links.ts';
import type { HostApi, Link, Reply } from './host-api.ts';

export interface DrillLinks {
  panel(lang: Lang): ReturnType<typeof joinLinksPanel>;
}

/** `links`: those the server gave when it created the drill; else they are asked for. */
export function drillLinks(api: HostApi, drill: string, redraw: () => void, links?: Link[], doc: Document = document): DrillLinks {
  let shown: Link[] | null = links ?? null;
  const revoked = new Set<string>();
  let copied: string | null = null;
  let problem: string | null = null;

  /** A reply's value, or its reason said on the panel. */
  const settle = <T>(reply: Reply<T>, use: (value: T) => void) => {
    problem = reply.ok ? null : reply.reason;
    if (reply.ok) use(reply.value);
    redraw();
  };

  if (!shown) void api.links(drill).then((r) => settle(r, (value) => (shown = value)));

  const on = {
    copy: (link: Link) => {
      void doc.defaultView?.navigator.clipboard?.writeText(link.url).then(() => {
        copied = link.nonce;
        redraw();
      });
    },
    revoke: (link: Link) => void api.revoke(drill, link.nonce).then((r) => settle(r, () => revoked.add(link.nonce))),
    issue: (role: DrillRole, seat: string) => void api.issue(drill, role, seat).then((r) => settle(r, (link) => (shown = [...(shown ?? []), link]))),
    download: () => void api.log(drill).then((r) => settle(r, (text) => downloadText(`${drill}.jsonl`, text, doc))),
  };

  return {
    panel: (lang) => joinLinksPanel({ lang, links: shown, revoked, copied, problem, on }),
  };
}
