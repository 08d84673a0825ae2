// Plain-text and table helpers for the terminal: CJK characters take two columns.
import type { Text } from '../scenario/index.ts';
import { RATING_ZH, type AnsweredBy, type Rating } from '../scoring/index.ts';

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
export const padStart = (s: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;

/** Rows of cells as aligned columns; `right` lists the columns aligned right (numbers). */
export function table(rows: string[][], right: ReadonlySet<number> = new Set()): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? '')))) ?? [];
  return rows.map((r) => r.map((c, i) => (right.has(i) ? padStart(c, widths[i]!) : padEnd(c, widths[i]!))).join('  ').trimEnd());
}

export const bilingual = (t: Text) => (t.en ? `${t.zh} ${t.en}` : t.zh);

export const score = (x: number | null) => (x === null ? '—' : x.toFixed(1));

/** Who answered, in both languages: the seat, a bot (its policy), or the facilitator on the seat's behalf. */
export function answeredBy(by: AnsweredBy | null): string {
  if (!by) return '—';
  return by.kind === 'seat' ? '席位 seat' : by.kind === 'bot' ? `机器人 bot (${by.policy})` : '导调代答 facilitator';
}

/** The same as a CSV / JSON token: seat, bot:<policy>, facilitator. */
export const answeredByToken = (by: AnsweredBy | null): string | null => (by ? (by.kind === 'bot' ? `bot:${by.policy}` : by.kind) : null);

/** What an overall score rests on, in both languages. */
export const restsOn = (n: number, provisional: number, bots: number) =>
  `基于 ${n} 项决策${provisional ? `，其中 ${provisional} 项暂定` : ''}${bots ? `，${bots} 项由机器人作答` : ''} / based on ${n} decision${n === 1 ? '' : 's'}${provisional ? `, ${provisional} provisional` : ''}${bots ? `, ${bots} answered by bots` : ''}`;

export const rated = (x: number | null, rating: Rating | null) => (x === null || rating === null ? '— (n/a)' : `${x.toFixed(1)} (${rating} ${RATING_ZH[rating]})`);
