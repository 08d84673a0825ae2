// A short fingerprint of a state: canonical JSON (keys sorted) through 64-bit FNV-1a.
const PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function stateHash(value: unknown): string {
  let h = 0xcbf29ce484222325n;
  const text = canonicalJson(value);
  for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * PRIME) & MASK;
  return h.toString(16).padStart(16, '0');
}
