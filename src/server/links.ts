// The join links of a drill: a token per role and seat (tokens.ts), kept in `<data>/links/<drill>.json`
// so the host panel shows the same links — the same QR codes on the wall — after a reload or a restart.
// A revoked link leaves the list; its token stays refused by the store's revocation.
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel } from '../core/index.ts';
import { DRILL_ROLES, ROLE_TABLE, type DrillRole } from '../protocol/roles.ts';
import { actorText } from '../review/names.ts';
import type { Scenario } from '../scenario/index.ts';
import { checkToken, issueToken } from './tokens.ts';
import type { Link } from '../protocol/messages.ts';

export type { Link };


/** A drill of a day or a week of exercises; the host makes new links after that. */
export const LINK_LIFETIME_MS = 7 * 24 * 3600_000;

/** Roles that are no seat of the scenario take their role's name as their seat label. */
const SEATLESS = DRILL_ROLES.filter((r) => r !== 'seat');

export interface Links {
  /** The drill's links, revoked ones left out. */
  list(drill: string, isRevoked: (nonce: string) => boolean): Link[];
  /** A new link for a role and seat, kept with the others. */
  issue(drill: string, scenario: Scenario, role: DrillRole, seat: string, nowMs: number): Link;
  /** A link for every seatless role and every seat of the scenario: what a new drill starts with. */
  issueAll(drill: string, scenario: Scenario, nowMs: number): Link[];
}

/** What a seat label may be: a scenario seat id, or the role's own name (checked against the scenario for seats). */
export function seatProblem(scenario: Scenario, role: DrillRole, seat: string): string | undefined {
  if (role === 'seat') return buildModel(scenario).seats.has(seat) ? undefined : `'${seat.slice(0, 60)}' is no seat of the scenario`;
  return /^[A-Za-z0-9_-]{1,40}$/.test(seat) ? undefined : 'a seat label: 1 to 40 letters, digits, "_" or "-"';
}

export function openLinks(dir: string, secret: Uint8Array, publicUrl: string): Links {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // An uploaded log names its own drill: encoded, no id reaches outside the folder.
  const fileOf = (drill: string) => join(dir, `${encodeURIComponent(drill)}.json`);
  const read = (drill: string): Link[] => {
    try {
      return JSON.parse(readFileSync(fileOf(drill), 'utf8')) as Link[];
    } catch {
      return [];
    }
  };
  // Tokens are secrets: the file is the server user's only, and replaced whole so a crash never halves it.
  const write = (drill: string, links: Link[]) => {
    const aside = `${fileOf(drill)}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify(links, null, 1), { mode: 0o600 });
    chmodSync(aside, 0o600);
    renameSync(aside, fileOf(drill));
  };
  const make = (drill: string, scenario: Scenario, role: DrillRole, seat: string, nowMs: number): Link => {
    const exp = nowMs + LINK_LIFETIME_MS;
    const token = issueToken(secret, { drill, role, seat, exp });
    const checked = checkToken(secret, token, nowMs);
    if (!checked.ok) throw new Error(`a token just issued does not check: ${checked.code}`);
    const text = role === 'seat' ? actorText(scenario, seat) : ROLE_TABLE[role].name;
    const name = { zh: text.zh, en: text.en ?? text.zh };
    return { role, seat, name, url: `${publicUrl}/?join=${token}`, token, nonce: checked.claims.nonce, exp };
  };
  return {
    list: (drill, isRevoked) => read(drill).filter((l) => !isRevoked(l.nonce)),
    issue(drill, scenario, role, seat, nowMs) {
      const link = make(drill, scenario, role, seat, nowMs);
      write(drill, [...read(drill), link]);
      return link;
    },
    issueAll(drill, scenario, nowMs) {
      const seats = [...buildModel(scenario).seats];
      const links = [
        ...SEATLESS.map((role) => make(drill, scenario, role, role, nowMs)),
        ...seats.map((seat) => make(drill, scenario, 'seat', seat, nowMs)),
      ];
      write(drill, [...read(drill), ...links]);
      return links;
    },
  };
}
