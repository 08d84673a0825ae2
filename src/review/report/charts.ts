// The report's charts as inline SVG: no script, no fetch, the same on screen and on paper. Each is a
// plain function of the model's numbers; every label goes through esc.
import type { Text } from '../../scenario/index.ts';
import type { Rating } from '../../scoring/index.ts';
import { say, type Lang } from './content.ts';
import { esc } from './escape.ts';
import type { ReportModel } from './model.ts';

/** Print-safe colours per rating band; grey when there is no rating. */
const BAND: Record<Rating, string> = { P: '#2e7d32', S: '#558b2f', M: '#f9a825', U: '#c62828' };
const W = 720;
const f1 = (x: number) => (Math.round(x * 10) / 10).toString();

function frame(height: number, title: string, body: string): string {
  return `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-label="${esc(title)}">${body}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

const text = (x: number, y: number, s: string, extra = '') => `<text x="${f1(x)}" y="${f1(y)}"${extra}>${esc(s)}</text>`;

/** Scores per unit (bars on 0–100); a unit whose answers all came from bots shows the bots' score, hatched. */
export function unitScoresChart(model: ReportModel, lang: Lang): string {
  const units = Object.values(model.scores.units);
  const left = 230;
  const row = 18;
  const top = 20;
  const h = top + units.length * row + 24;
  const x = (v: number) => left + ((W - left - 60) * v) / 100;
  const { P, S, M } = model.scores.thresholds;
  const body = [
    `<defs><pattern id="bots" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" fill="#90a4ae"/></pattern></defs>`,
    ...[M, S, P].map((v) => `<line x1="${f1(x(v))}" y1="${top - 6}" x2="${f1(x(v))}" y2="${h - 20}" stroke="#999" stroke-dasharray="3 3"/>${text(x(v), top - 8, String(v), ' text-anchor="middle" font-size="10"')}`),
    ...units.map((u, i) => {
      const y = top + i * row;
      const label = text(left - 6, y + 12, say(u.name, lang), ' text-anchor="end" font-size="10"');
      const value = u.score ?? u.bots?.score ?? null;
      if (value === null) return label + text(left + 4, y + 12, '—', ' font-size="11"');
      const fill = u.score === null ? 'url(#bots)' : u.rating ? BAND[u.rating] : '#999';
      return `${label}<rect x="${left}" y="${y + 2}" width="${f1(x(value) - left)}" height="${row - 5}" fill="${fill}"/>${text(x(value) + 4, y + 12, f1(value) + (u.score === null ? (lang === 'zh' ? ' 机器人' : ' bots') : ''), ' font-size="11"')}`;
    }),
  ];
  return frame(h, lang === 'zh' ? '各单位得分（虚线为优/良/中分界；斜纹为机器人代答）' : 'Score per unit (dashed: P/S/M thresholds; hatched: answered by bots)', body.join(''));
}

/** Per decision: time to answer from opening, against its target and deadline (drill minutes). */
export function answerTimesChart(model: ReportModel, lang: Lang): string {
  const rows = Object.values(model.scores.decisions).filter((d) => d.times.openedClock !== null && d.times.deadlineClock !== null);
  const left = 130;
  const row = 14;
  const top = 22;
  const h = top + rows.length * row + 28;
  const longest = Math.max(1, ...rows.map((d) => d.times.deadlineClock! - d.times.openedClock!));
  const x = (ms: number) => left + ((W - left - 20) * ms) / longest;
  const body = rows.map((d, i) => {
    const y = top + i * row;
    const open = d.times.openedClock!;
    const deadline = x(d.times.deadlineClock! - open);
    const target = d.times.targetMs === null ? null : x(d.times.targetMs);
    const answered = d.times.answeredClock === null ? null : x(d.times.answeredClock - open);
    const colour = d.status === 'expired' ? BAND.U : d.rating ? BAND[d.rating] : '#999';
    return [
      text(left - 6, y + 10, d.id, ' text-anchor="end" font-size="10"'),
      `<line x1="${left}" y1="${y + 7}" x2="${f1(deadline)}" y2="${y + 7}" stroke="#ccc" stroke-width="6"/>`,
      answered === null ? '' : `<line x1="${left}" y1="${y + 7}" x2="${f1(answered)}" y2="${y + 7}" stroke="${colour}" stroke-width="6"/>`,
      target === null ? '' : `<line x1="${f1(target)}" y1="${y + 1}" x2="${f1(target)}" y2="${y + 13}" stroke="#1565c0" stroke-width="2"/>`,
      `<line x1="${f1(deadline)}" y1="${y + 1}" x2="${f1(deadline)}" y2="${y + 13}" stroke="#c62828" stroke-width="2"/>`,
    ].join('');
  });
  const minutes = Math.ceil(longest / 60_000);
  const axis = text(left, h - 8, '0', ' font-size="10"') + text(W - 20, h - 8, `${minutes} min`, ' text-anchor="end" font-size="10"');
  const title = lang === 'zh' ? '各项决策作答用时（灰：时限；蓝线：目标时间；红线：截止时间；演练时间）' : 'Time to answer per decision (grey: the window; blue: target; red: deadline; drill time)';
  return frame(h, title, body.join('') + axis);
}

/** The survival curve of the trapped, S(t), with each settlement's first rescue team marked on it. */
export function survivalChart(model: ReportModel, lang: Lang): string {
  const { survival, rescues } = model.charts;
  const left = 50;
  const bottom = 250;
  const top = 16;
  const end = survival.at(-1)?.hours ?? 72;
  const x = (hours: number) => left + ((W - left - 20) * hours) / end;
  const y = (share: number) => bottom - (bottom - top) * share;
  const path = survival.map((p, i) => `${i ? 'L' : 'M'}${f1(x(p.hours))},${f1(y(p.alive))}`).join('');
  const grid = [0, 0.25, 0.5, 0.75, 1].map((s) => `<line x1="${left}" y1="${f1(y(s))}" x2="${W - 20}" y2="${f1(y(s))}" stroke="#eee"/>${text(left - 4, y(s) + 4, `${s * 100}%`, ' text-anchor="end" font-size="10"')}`);
  const ticks = [];
  for (let hr = 0; hr <= end; hr += 12) ticks.push(text(x(hr), bottom + 14, `${hr} h`, ' text-anchor="middle" font-size="10"'));
  // Rescues come close together in the first hours: each dot is numbered (staggered), and named in a key at the right, where the curve is low.
  const marks = rescues.map((r, i) => {
    const share = survival.length ? interpolate(survival, r.hours) : 1;
    const at = x(r.hours);
    return [
      `<line x1="${f1(at)}" y1="${top}" x2="${f1(at)}" y2="${bottom}" stroke="#1565c0" stroke-dasharray="2 3"/><circle cx="${f1(at)}" cy="${f1(y(share))}" r="4" fill="#1565c0"/>`,
      text(at, bottom - 6 - (i % 3) * 12, String(i + 1), ' text-anchor="middle" font-size="10" fill="#1565c0"'),
      text(W - 220, top + 12 + i * 13, `${i + 1}  ${say(r.name, lang)} ${f1(r.hours)} h`, ' font-size="10"'),
    ].join('');
  });
  const title = lang === 'zh' ? '被困人员生还概率 S(t)（圆点：各乡镇首支救援队到达）' : 'Survival of the trapped, S(t) (dots: first rescue team on scene per settlement)';
  return frame(bottom + 24, title, [...grid, ...ticks, `<path d="${path}" fill="none" stroke="#c62828" stroke-width="2"/>`, ...marks].join(''));
}

function interpolate(points: ReportModel['charts']['survival'], hours: number): number {
  const i = points.findIndex((p) => p.hours >= hours);
  if (i <= 0) return points[Math.max(0, i)]?.alive ?? 1;
  const [a, b] = [points[i - 1]!, points[i]!];
  return a.alive + ((b.alive - a.alive) * (hours - a.hours)) / (b.hours - a.hours);
}

/** Trapped, rescued alive and dead among the trapped over scenario time (outcomeSeries). */
export function outcomesChart(model: ReportModel, lang: Lang): string {
  const series = model.charts.series;
  const left = 50;
  const bottom = 230;
  const top = 16;
  const endMs = Math.max(1, series.at(-1)?.scenarioMs ?? 1);
  const most = Math.max(1, ...series.map((p) => Math.max(p.trapped, p.rescuedAlive, p.deadTrapped)));
  const x = (ms: number) => left + ((W - left - 130) * ms) / endMs;
  const y = (v: number) => bottom - ((bottom - top) * v) / most;
  const lines: [keyof Pick<ReportModel['charts']['series'][number], 'trapped' | 'rescuedAlive' | 'deadTrapped'>, string, Text][] = [
    ['trapped', '#6d4c41', { zh: '被困', en: 'Trapped' }],
    ['rescuedAlive', '#2e7d32', { zh: '生还救出', en: 'Rescued alive' }],
    ['deadTrapped', '#c62828', { zh: '被困者死亡（预计）', en: 'Dead among the trapped (expected)' }],
  ];
  const body = lines.map(([key, colour, name], i) => {
    const d = series.map((p, j) => `${j ? 'L' : 'M'}${f1(x(p.scenarioMs))},${f1(y(p[key]))}`).join('');
    return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/><rect x="${W - 120}" y="${top + i * 16}" width="10" height="10" fill="${colour}"/>${text(W - 106, top + 9 + i * 16, say(name, lang), ' font-size="10"')}`;
  });
  const hours = endMs / 3_600_000;
  const axis = [text(left, bottom + 14, 'T+0', ' font-size="10"'), text(x(endMs), bottom + 14, `T+${f1(hours)} h`, ' text-anchor="end" font-size="10"'), text(left - 4, top + 8, String(Math.round(most)), ' text-anchor="end" font-size="10"'), text(left - 4, bottom, '0', ' text-anchor="end" font-size="10"')];
  const title = lang === 'zh' ? '结果指标随情景时间变化' : 'Outcomes over scenario time';
  return frame(bottom + 22, title, [`<line x1="${left}" y1="${bottom}" x2="${W - 130}" y2="${bottom}" stroke="#999"/>`, ...body, ...axis].join(''));
}
