import { closest, distance } from 'fastest-levenshtein';

const tokens = (s: string) => s.toLowerCase().split(/[-_\s]+/).filter((t) => t.length > 1);

/**
 * "did you mean 'x'?" — for a near miss by spelling ("fire-rsecue"), or a name sharing a word with
 * the wrong one ("fire-brigade" → "fire-rescue"), the nearest by spelling among those.
 */
export function didYouMean(wrong: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(wrong, candidates as string[]);
  if (distance(wrong, best) <= Math.max(2, Math.floor(wrong.length / 3))) return `did you mean '${best}'?`;
  const words = new Set(tokens(wrong));
  const sharing = candidates.filter((c) => tokens(c).some((t) => words.has(t)));
  return sharing.length > 0 ? `did you mean '${closest(wrong, sharing)}'?` : undefined;
}
