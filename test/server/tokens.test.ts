// Join-link tokens: a token opens its own drill, role and seat until it expires; any byte changed,
// another server's secret, or a token past its expiry is refused; each carries a fresh 128-bit nonce;
// a revoked nonce stays revoked across a restart. The secret is kept in the data dir, mode 600.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/storage.ts';
import { checkToken, issueToken, loadSecret, NONCE_BYTES, SECRET_FILE } from '../../src/server/tokens.ts';
import { minimalDrill, tempStoreDir } from './store-helpers.ts';

const SECRET = new Uint8Array(32).fill(7);
const EXP = Date.UTC(2026, 11, 3, 0, 0);
const BEFORE = EXP - 1;
const CLAIMS = { drill: 'minimal-example-000000000001', role: 'seat', seat: 'fire-rescue', exp: EXP };
const dirs: (() => void)[] = [];

afterEach(() => {
  for (const remove of dirs.splice(0)) remove();
});

describe('tokens', () => {
  it('a token gives back its drill, role, seat, expiry and nonce', () => {
    const checked = checkToken(SECRET, issueToken(SECRET, CLAIMS), BEFORE);
    expect(checked).toEqual({ ok: true, claims: { ...CLAIMS, nonce: expect.any(String) } });
  });

  it('every byte of the token changed, one at a time, is refused', () => {
    const token = issueToken(SECRET, CLAIMS);
    let refused = 0;
    for (let i = 0; i < token.length; i++) {
      // Another character of the same alphabet ('.' turns into a letter), so the token still looks like one.
      const swapped = token[i] === 'A' ? 'B' : 'A';
      const tampered = token.slice(0, i) + swapped + token.slice(i + 1);
      const checked = checkToken(SECRET, tampered, BEFORE);
      if (!checked.ok && checked.code === 'token') refused++;
    }
    expect(refused).toBe(token.length);
  });

  it('a token whose claims were rewritten and left unsigned is refused (no seat can make itself the facilitator)', () => {
    const [payload, mac] = issueToken(SECRET, CLAIMS).split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'facilitator' })).toString('base64url');
    expect(checkToken(SECRET, `${forged}.${mac}`, BEFORE)).toEqual({ ok: false, code: 'token' });
  });

  it('expires at exp: valid 1 ms before, refused as expired at exp and after', () => {
    const token = issueToken(SECRET, CLAIMS);
    expect(checkToken(SECRET, token, EXP - 1).ok).toBe(true);
    expect(checkToken(SECRET, token, EXP)).toEqual({ ok: false, code: 'expired' });
    expect(checkToken(SECRET, token, EXP + 86_400_000)).toEqual({ ok: false, code: 'expired' });
  });

  it('another secret refuses it', () => {
    const other = new Uint8Array(32).fill(8);
    expect(checkToken(other, issueToken(SECRET, CLAIMS), BEFORE)).toEqual({ ok: false, code: 'token' });
  });

  it('what is not a token is refused, not thrown on', () => {
    for (const junk of ['', '.', 'a.b.c', 'not a token', '..', `${'x'.repeat(10_000)}.y`]) expect(checkToken(SECRET, junk, BEFORE)).toEqual({ ok: false, code: 'token' });
  });

  it('each token has its own nonce of 16 random bytes (128 bits)', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const checked = checkToken(SECRET, issueToken(SECRET, CLAIMS), BEFORE);
      if (!checked.ok) throw new Error(checked.code);
      expect(Buffer.from(checked.claims.nonce, 'base64url').length).toBe(NONCE_BYTES);
      nonces.add(checked.claims.nonce);
    }
    expect(NONCE_BYTES * 8).toBeGreaterThanOrEqual(128);
    expect(nonces.size).toBe(100);
  });

  it('a revoked nonce stays revoked after the store is reopened; the others of the drill do not', () => {
    const { file, remove } = tempStoreDir();
    dirs.push(remove);
    const revoked = checkToken(SECRET, issueToken(SECRET, CLAIMS), BEFORE);
    const kept = checkToken(SECRET, issueToken(SECRET, CLAIMS), BEFORE);
    if (!revoked.ok || !kept.ok) throw new Error('the tokens do not check');
    let store = openStore(file);
    store.createDrill(minimalDrill());
    store.revoke(CLAIMS.drill, revoked.claims.nonce);
    store.revoke(CLAIMS.drill, revoked.claims.nonce); // twice is once
    store.close();
    store = openStore(file);
    try {
      expect(store.isRevoked(CLAIMS.drill, revoked.claims.nonce)).toBe(true);
      expect(store.isRevoked(CLAIMS.drill, kept.claims.nonce)).toBe(false);
      expect(store.isRevoked('another-drill', revoked.claims.nonce)).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('the secret', () => {
  it('is made once, 32 bytes, kept in the data dir with mode 600, and the same on the next start', () => {
    const { dir, remove } = tempStoreDir();
    dirs.push(remove);
    const data = join(dir, 'drills');
    const first = loadSecret(data);
    expect(first.length).toBe(32);
    expect(statSync(join(data, SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(loadSecret(data)).equals(Buffer.from(first))).toBe(true);
    // Tokens outlive the restart.
    expect(checkToken(loadSecret(data), issueToken(first, CLAIMS), BEFORE).ok).toBe(true);
  });

  it('a given secret (--secret, QUAKE_DRILL_SECRET) is used as it is and nothing is written', () => {
    const { dir, remove } = tempStoreDir();
    dirs.push(remove);
    expect(Buffer.from(loadSecret(dir, 'correct horse battery staple')).toString()).toBe('correct horse battery staple');
    expect(() => statSync(join(dir, SECRET_FILE))).toThrow(/ENOENT/);
  });
});
