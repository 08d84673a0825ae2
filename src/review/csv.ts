// One row per decision (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the Chinese), for
// spreadsheets and the evaluators' own tools.
import type { DrillJson } from './drill-json.ts';
import { answeredByToken } from './text.ts';

export const CSV_COLUMNS = [
  'decision', 'owner', 'owner_name', 'capability', 'kind', 'status', 'answered_seq', 'answer',
  'opened', 'answered', 'target', 'deadline', 'correctness', 'timeliness', 'consequence', 'total',
  'rating', 'rating_zh', 'rubric_points', 'rubric_max', 'consequence_method', 'plan_clause', 'prompt_zh', 'prompt_en',
  // Added at the end so that the columns before keep their places in evaluators' sheets.
  'answered_by', 'provisional',
] as const;

/** Quotes a cell when it needs it; text that a spreadsheet would run as a formula gets a leading '. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function decisionsCsv(d: DrillJson): string {
  const seatName = (id: string) => d.units[id]?.name.zh ?? id;
  const rows = Object.values(d.decisions).map((x) => [
    x.id, x.owner, seatName(x.owner), x.capability, x.kind, x.status, x.answeredSeq,
    x.answer ? [...x.answer.options, ...x.answer.allocations.map((a) => `${a.team}>${a.to}`), ...(x.answer.value !== undefined ? [String(x.answer.value)] : []), ...(x.answer.order ? [x.answer.order.join('>')] : []), ...(x.answer.text !== undefined ? [x.answer.text] : [])].join(' ') : null,
    x.times.opened, x.times.answered, x.times.target, x.times.deadline,
    x.correctness, x.timeliness, x.consequence, x.total, x.rating, x.ratingZh,
    x.applicable ? x.rubric.points : null, x.rubric.maxPoints, x.applicable ? x.consequenceBasis.method : null,
    x.planClause, x.prompt.zh, x.prompt.en ?? null,
    answeredByToken(x.answeredBy), x.applicable ? (x.provisional ? 1 : 0) : null,
  ]);
  return '\uFEFF' + [CSV_COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n') + '\r\n';
}
