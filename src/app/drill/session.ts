// A drill being played in this browser: core's authority for it (src/core/authority.ts), plus what
// names the drill in this browser's saves and exports: its id, when it was created, how far its
// record can be trusted.
import { createAuthority, type Authority, type AuthorityOptions } from '../../core/index.ts';
import type { LogOrigin, ParentRef, Trust } from '../../review/log-file.ts';

export { READ_ONLY, type ClockSource } from '../../core/index.ts';

export interface SessionOptions extends AuthorityOptions {
  /** Where the scenario came from, to name it in exports. */
  file: string;
  /** The drill's id, kept through reloads, takeovers and exports; default a new one (newDrillId). */
  drill?: string;
  /** The drill this one branched from. */
  parent?: ParentRef;
  /** When the drill was first created (ISO wall time); default now. */
  created?: string;
  /** How far its record can be trusted: a drill continued from a broken or unchained record stays marked so; default 'verified'. */
  trust?: Trust['kind'];
  /** The record that did not verify this drill continues (an untrusted import); its export carries it, sealed. */
  origin?: LogOrigin;
}

export interface Session extends Authority {
  readonly file: string;
  readonly drill: string;
  readonly parent?: ParentRef;
  readonly created: string;
  readonly trust: Trust['kind'];
  readonly origin?: LogOrigin;
}

export function createSession(options: SessionOptions): Session {
  // Assigned onto the authority itself, not spread: `speed` is a getter and must stay live.
  return Object.assign(createAuthority(options), {
    file: options.file,
    drill: options.drill ?? newDrillId(options.scenario.meta.id),
    ...(options.parent ? { parent: options.parent } : {}),
    created: options.created ?? new Date().toISOString(),
    trust: options.origin?.trust ?? options.trust ?? 'verified',
    ...(options.origin ? { origin: options.origin } : {}),
  });
}

/** Everything that names the drill beyond its scenario and seed: a copy of a session (a follower's, a reload's) passes it on. */
export const identityOf = (s: Session): Pick<SessionOptions, 'drill' | 'parent' | 'created' | 'trust' | 'origin'> => ({
  drill: s.drill,
  ...(s.parent ? { parent: s.parent } : {}),
  created: s.created,
  trust: s.trust,
  ...(s.origin ? { origin: s.origin } : {}),
});

/**
 * A new drill's id: the scenario's id and 12 random hex digits (48 bits), so two drills of one
 * scenario never share an id, and the id alone says which scenario it was.
 */
export function newDrillId(scenarioId: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${scenarioId}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
