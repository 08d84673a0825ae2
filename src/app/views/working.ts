// The calculation details (计算过程) of a decision's score, worded in the interface language from
// the score's data — scoring's own explanation lines are English and stay for the AAR. Each line
// says the same as scoring's: who answered, the times, the rubric lines, the three parts, the total.
import type { Model } from '../../core/index.ts';
import type { DecisionScore, IncidentConsequence } from '../../scoring/index.ts';
import { expectedPeople } from '../../scoring/people.ts';
import { drillLength, scenarioTime } from '../format.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { answerText, anyName, answeredByText, effectTokenText, ratingLabel, seatName } from './words.ts';

const fmt = (x: number) => x.toFixed(2);
const signedPoints = (n: number) => `${n >= 0 ? '+' : ''}${n}`;

/** A decision's score, line by line, as scoring worked it out. Only for a scored (applicable) decision. */
export function workingLines(lang: Lang, model: Model, s: DecisionScore): string[] {
  const tm = s.times;
  const open = tm.openedClock;
  const answered = tm.answeredClock;
  const lines: string[] = [];
  const refused = s.rejectedSeqs.length ? t(lang, 'working.refused', { seqs: s.rejectedSeqs.map((x) => `#${x}`).join(t(lang, 'org.listSeparator')) }) : '';
  const def = model.decisions.get(s.id);
  if (s.answer) {
    const who = s.answeredBy && s.answeredBy.kind !== 'seat' ? `${answeredByText(lang, s.answeredBy)} · ${seatName(lang, model, s.owner)}` : seatName(lang, model, s.owner);
    lines.push(t(lang, 'working.answered', { seq: s.answeredSeq ?? '?', who, what: answerText(lang, model, def, s.answer) }) + refused);
  } else lines.push(t(lang, 'working.expired', { deadline: tm.deadline ?? '—' }) + refused);

  const took = answered !== null && open !== null ? drillLength(lang, answered - open) : null;
  lines.push(
    t(lang, 'working.times', {
      opened: tm.opened ?? '—',
      answered: took !== null ? t(lang, 'working.answeredAt', { at: tm.answered ?? '—', took }) : t(lang, 'working.notAnswered'),
      target: tm.targetMs === null ? '—' : drillLength(lang, tm.targetMs),
      deadline: tm.deadline ?? '—',
      extended: tm.extendedMs > 0 ? t(lang, 'working.extended', { by: drillLength(lang, tm.extendedMs) }) : '',
    }),
  );
  for (const m of s.rubric.matched) lines.push(t(lang, 'working.rubricLine', { n: m.line + 1, points: signedPoints(m.points), because: pick(lang, m.because) }));

  const c = s.correctness ?? 0;
  const clamp = c === 0 && s.rubric.points < 0 ? t(lang, 'working.clampLow') : s.rubric.points > s.rubric.maxPoints ? t(lang, 'working.clampHigh') : '';
  lines.push(
    s.answer
      ? t(lang, 'working.correctness', { v: fmt(c), points: s.rubric.points, max: s.rubric.maxPoints, basis: t(lang, `working.maxFrom.${s.rubric.maxFrom}`), clamp })
      : t(lang, 'working.correctnessExpired'),
  );

  const tl = s.timeliness ?? 0;
  if (!s.answer || answered === null || open === null || tm.targetMs === null || tm.deadlineClock === null) lines.push(t(lang, 'working.timelinessExpired'));
  else if (tl === 1) lines.push(t(lang, 'working.timelinessFull', { target: drillLength(lang, tm.targetMs) }));
  else
    lines.push(
      t(lang, 'working.timelinessLate', {
        v: fmt(tl),
        late: drillLength(lang, Math.max(0, answered - open - tm.targetMs)),
        window: drillLength(lang, Math.max(0, tm.deadlineClock - open - tm.targetMs)),
      }),
    );

  const q = s.consequence ?? 0;
  const basis = s.consequenceBasis;
  if (basis.method === 'incidents') {
    for (const i of basis.incidents) lines.push(incidentLine(lang, model, i));
    lines.push(t(lang, 'working.incidentsMean', { v: fmt(q), n: basis.incidents.length }));
  } else if (basis.method === 'effects') {
    const mark = (holds: number) => (holds === 1 ? '✓' : holds === 0 ? '✗' : fmt(holds));
    lines.push(t(lang, 'working.effects', { v: fmt(q), list: basis.effects.map((e) => `${effectTokenText(lang, model, e.effect)} ${mark(e.holds)}`).join(t(lang, 'working.effectSeparator')) }));
  } else lines.push(t(lang, 'working.correctnessOnly', { v: fmt(q) }));

  if (s.provisional && s.horizonMs !== null) lines.push(t(lang, 'working.provisional', { at: scenarioTime(s.horizonMs) }));
  const w = model.scenario.scoring.weights;
  lines.push(
    t(lang, 'working.total', {
      total: s.total ?? '—',
      wc: w.correctness,
      wt: w.timeliness,
      wq: w.consequence,
      c: fmt(c),
      t: fmt(tl),
      q: fmt(q),
      rating: ratingLabel(lang, s.rating),
    }),
  );
  return lines;
}

function incidentLine(lang: Lang, model: Model, i: IncidentConsequence): string {
  const after = i.containedMs === null ? '' : drillLength(lang, i.containedMs - i.appearedMs);
  const why =
    i.trapped > 0
      ? t(lang, 'working.why.trapped', { trapped: i.trapped, rescued: expectedPeople(i.rescuedAlive) })
      : i.containedMs === null && i.value === 0
        ? t(lang, 'working.why.open')
        : i.cascadesFired.length > 0
          ? t(lang, 'working.why.late', { after, cascades: i.cascadesFired.map((x) => anyName(lang, model, x)).join(t(lang, 'org.listSeparator')) })
          : t(lang, 'working.why.contained', { after });
  return t(lang, 'working.incident', {
    name: anyName(lang, model, i.incident),
    kind: t(lang, `map.incident.${i.kind}` as 'map.incident.fire'),
    at: scenarioTime(i.appearedMs),
    why,
    v: fmt(i.value),
  });
}
