// The per-drill lease in a real redis-server: one holder at a time, renewed while alive, handed
// over when released or when the holder stops renewing, never extended or deleted by a holder
// that lost it.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeases, leaseKey, type LeaseTiming, type Leases } from '../../src/server/lease.ts';
import { startRedis, type TestRedis } from './redis.ts';

// Short enough to watch a lease lapse within a test, long enough that a busy machine still renews in time.
const TIMING: LeaseTiming = { ttlMs: 1_500, renewMs: 200 };

let redis: TestRedis;
const clients: Redis[] = [];
const leaseSets: Leases[] = [];

function client(): Redis {
  const made = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  clients.push(made);
  return made;
}

function leases(holder: string, lost: string[] = [], on: Redis = client()): Leases {
  const made = createLeases(on, holder, (drill) => lost.push(drill), TIMING);
  leaseSets.push(made);
  return made;
}

async function until(check: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  for (const made of leaseSets) await made.close().catch(() => undefined);
  for (const made of clients) made.disconnect();
  await redis.stop();
});

describe('drill lease', () => {
  it('has one holder; a second claim is refused and leaves it in place', async () => {
    const a = leases('proc-a');
    const b = leases('proc-b');
    expect(await a.claim('d1')).toBe(true);
    expect(await b.claim('d1')).toBe(false);
    expect(await a.claim('d1')).toBe(true);
    expect(await b.ownerOf('d1')).toBe('proc-a');
    expect(a.holds('d1')).toBe(true);
    expect(b.holds('d1')).toBe(false);
  });

  it('is renewed while its holder lives, well past one TTL', async () => {
    const a = leases('proc-a');
    const b = leases('proc-b');
    expect(await a.claim('d2')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 2 * TIMING.ttlMs));
    expect(await b.claim('d2')).toBe(false);
    expect(await b.ownerOf('d2')).toBe('proc-a');
  });

  it('passes to another process at once when released, and on close', async () => {
    const a = leases('proc-a');
    const b = leases('proc-b');
    expect(await a.claim('d3')).toBe(true);
    expect(await a.claim('d4')).toBe(true);
    await a.release('d3');
    expect(await b.claim('d3')).toBe(true);
    await a.close();
    expect(await b.ownerOf('d4')).toBe(null);
    expect(await b.claim('d4')).toBe(true);
  });

  it('lapses when its holder stops renewing; the holder gives up before a rival can claim', async () => {
    const lostByA: string[] = [];
    const aRedis = client();
    const a = leases('proc-a', lostByA, aRedis);
    const b = leases('proc-b');
    expect(await a.claim('d5')).toBe(true);
    aRedis.disconnect(); // the owner can no longer reach Redis: renewals fail
    await until(() => b.claim('d5'));
    expect(await b.ownerOf('d5')).toBe('proc-b');
    // a gave up on its own (its renewals failed for ttl − renew), so it wrote nothing after b took over
    expect(lostByA).toEqual(['d5']);
    expect(a.holds('d5')).toBe(false);
  });

  it('is lost, not extended, when another process holds the key; release leaves the new holder', async () => {
    const lostByA: string[] = [];
    const a = leases('proc-a', lostByA);
    const b = leases('proc-b');
    const admin = client();
    expect(await a.claim('d6')).toBe(true);
    // a lapsed lease taken by b between two of a's renewals
    await admin.set(leaseKey('d6'), 'proc-b', 'PX', TIMING.ttlMs);
    await until(() => lostByA.length > 0);
    expect(lostByA).toEqual(['d6']);
    expect(a.holds('d6')).toBe(false);
    await a.release('d6');
    expect(await admin.get(leaseKey('d6'))).toBe('proc-b');
    expect(await b.claim('d6')).toBe(true);
  });
});
