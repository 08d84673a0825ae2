// One writer per drill across server processes: the process holding `qd:owner:<drill>` in Redis
// orders that drill's seqs. The lease expires unless renewed, so a dead owner's drills become
// claimable by the survivors after at most one TTL.
import type { Redis } from 'ioredis';

export interface LeaseTiming {
  ttlMs: number;
  renewMs: number;
}

export const LEASE: LeaseTiming = { ttlMs: 10_000, renewMs: 3_000 };

export const leaseKey = (drill: string): string => `qd:owner:${drill}`;

// Compare-and-set: a process whose lease lapsed (a long GC pause, a partition) must never extend
// or delete the lease a survivor took meanwhile.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface Leases {
  /** this process's id, the value stored under the lease keys it holds */
  readonly holder: string;
  /** true when this process holds the drill's lease now (just claimed, or already held) */
  claim(drill: string): Promise<boolean>;
  /** the holder of the drill's lease, or null when nobody holds it */
  ownerOf(drill: string): Promise<string | null>;
  holds(drill: string): boolean;
  release(drill: string): Promise<void>;
  /** stops renewing and releases every lease held, so a survivor need not wait out the TTL */
  close(): Promise<void>;
}

/**
 * `onLost` is called for a held drill whose lease could not be renewed: another process took it,
 * or Redis stayed unreachable so long that the lease may have lapsed. The caller must stop writing
 * that drill at once.
 */
export function createLeases(redis: Redis, holder: string, onLost: (drill: string) => void, timing: LeaseTiming = LEASE): Leases {
  /** drill → when its lease was last set or renewed (performance.now(), monotonic) */
  const held = new Map<string, number>();
  // Give up before a rival could have claimed: the lease lives ttlMs after the last good renewal.
  const giveUpAfter = timing.ttlMs - timing.renewMs;

  const lose = (drill: string): void => {
    if (!held.delete(drill)) return;
    onLost(drill);
  };

  const renew = async (drill: string): Promise<void> => {
    // Counted from the send: Redis sets the new expiry somewhere between send and reply.
    const sent = performance.now();
    try {
      const renewed = await redis.eval(RENEW, 1, leaseKey(drill), holder, timing.ttlMs);
      if (renewed !== 1) lose(drill);
      else if (held.has(drill)) held.set(drill, Math.max(held.get(drill) ?? sent, sent));
    } catch {
      // Unreachable Redis: keep trying; the age check in renewAll gives the lease up in time.
    }
  };
  // The age check does not wait on the renewals: a command queued on a reconnecting client can hang.
  const renewAll = (): void => {
    const now = performance.now();
    for (const [drill, since] of held) {
      if (now - since >= giveUpAfter) lose(drill);
      else void renew(drill);
    }
  };
  const timer = setInterval(renewAll, timing.renewMs);
  timer.unref();

  return {
    holder,
    async claim(drill) {
      if (held.has(drill)) return true;
      const sent = performance.now();
      const set = await redis.set(leaseKey(drill), holder, 'PX', timing.ttlMs, 'NX');
      if (set !== 'OK' && (await redis.get(leaseKey(drill))) !== holder) return false;
      held.set(drill, sent);
      return true;
    },
    ownerOf: (drill) => redis.get(leaseKey(drill)),
    holds: (drill) => held.has(drill),
    async release(drill) {
      if (!held.delete(drill)) return;
      await redis.eval(RELEASE, 1, leaseKey(drill), holder);
    },
    async close() {
      clearInterval(timer);
      const drills = [...held.keys()];
      held.clear();
      await Promise.all(drills.map((drill) => redis.eval(RELEASE, 1, leaseKey(drill), holder)));
    },
  };
}
