// Join-link tokens: base64url(JSON claims) + '.' + base64url(HMAC-SHA256(secret, claims)). The claims
// name the drill, role, seat and expiry, so a token opens its own seat only; a 128-bit random nonce
// makes each link unguessable and revocable on its own (store.revoke), even two links to one seat.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TokenClaims {
  drill: string;
  role: string;
  seat: string;
  /** Expiry, ms since the epoch. */
  exp: number;
  /** 16 random bytes, base64url. */
  nonce: string;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; code: 'token' | 'expired' };

export const NONCE_BYTES = 16;
const SECRET_BYTES = 32;
export const SECRET_FILE = 'secret.key';

const sign = (secret: Uint8Array, payload: string) => createHmac('sha256', secret).update(payload).digest();

export function issueToken(secret: Uint8Array, claims: Omit<TokenClaims, 'nonce'>): string {
  const { drill, role, seat, exp } = claims;
  const payload = Buffer.from(JSON.stringify({ drill, role, seat, exp, nonce: randomBytes(NONCE_BYTES).toString('base64url') })).toString('base64url');
  return `${payload}.${sign(secret, payload).toString('base64url')}`;
}

const isClaims = (x: unknown): x is TokenClaims => {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as Record<string, unknown>;
  return typeof c.drill === 'string' && typeof c.role === 'string' && typeof c.seat === 'string' && typeof c.exp === 'number' && Number.isFinite(c.exp) && typeof c.nonce === 'string';
};

/** The signature is checked before the claims are even parsed: nothing an attacker wrote is read unsigned. */
export function checkToken(secret: Uint8Array, token: string, nowMs: number): TokenCheck {
  const refused = { ok: false as const, code: 'token' as const };
  const parts = token.split('.');
  if (parts.length !== 2) return refused;
  const [payload, mac] = parts as [string, string];
  const given = Buffer.from(mac, 'base64url');
  const expected = sign(secret, payload);
  // base64url decoding skips stray characters, so a tampered text could decode to the true MAC: the
  // text must be the MAC's own encoding too.
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || given.toString('base64url') !== mac) return refused;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return refused;
  }
  if (!isClaims(claims)) return refused;
  if (nowMs >= claims.exp) return { ok: false, code: 'expired' };
  return { ok: true, claims: { drill: claims.drill, role: claims.role, seat: claims.seat, exp: claims.exp, nonce: claims.nonce } };
}

/**
 * The server's signing secret: the one given (--secret or QUAKE_DRILL_SECRET), else the one kept in
 * `<dataDir>/secret.key`, made on first start (readable by the server's user only), so links
 * outlive a restart.
 */
export function loadSecret(dataDir: string, given?: string): Uint8Array {
  if (given !== undefined && given !== '') return Buffer.from(given, 'utf8');
  const file = join(dataDir, SECRET_FILE);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(SECRET_BYTES);
  // Written aside, then linked into place: two servers starting on one data dir agree on the first
  // secret linked, and neither ever reads a half-written file.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, secret.toString('base64url') + '\n', { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  } finally {
    unlinkSync(aside);
  }
  return secret;
}
