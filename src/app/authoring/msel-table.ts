// The drill script (演练脚本, STANDARDS.md) as the authoring view shows it: src/scenario/msel.ts's rows
// (one per inject, the spreadsheet's cells) grouped by time node, then by receiving unit. An inject
// sent to several units is listed under each, as each unit's script holds everything it receives.
import { mselRows, type MselRow } from '../../scenario/msel.ts';
import { formatDuration } from '../../scenario/duration.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { pick, t, type Lang } from '../i18n.ts';
import { seatsOf } from '../views/drill-data.ts';

/** One row in the interface language: the cells of the spreadsheet, English ones where the file has them. */
export interface MselLine {
  id: string;
  offset: string;
  /** Scenario time after the earthquake the inject is due (not a spreadsheet column). */
  afterQuake: string;
  phase: string;
  title: string;
  narrative: string;
  via: string;
  to: string;
  question: string;
  expected: string;
}

export interface MselUnitGroup {
  unit: string;
  name: string;
  lines: MselLine[];
}

export interface MselNodeGroup {
  index: number;
  node: string;
  name: string;
  units: MselUnitGroup[];
}

export function mselGroups(scenario: Scenario, lang: Lang): MselNodeGroup[] {
  const rows = mselRows(scenario);
  const seats = seatsOf(scenario);
  const seatName = new Map(seats.map((s) => [s.id, pick(lang, s.name)]));
  // Units in the organisation's order (HQ, groups, units, counties), as the briefing lists them.
  const seatOrder = new Map(seats.map((s, i) => [s.id, i]));
  const injects = new Map(scenario.injects.map((x) => [x.id, x]));
  const line = (r: MselRow): MselLine => {
    const x = injects.get(r.id);
    const node = scenario.nodes.find((n) => n.id === r.nodeId);
    const en = lang === 'en';
    return {
      id: r.id,
      offset: r.offset,
      afterQuake: formatDuration(r.scenarioMs),
      phase: node ? t(lang, `phase.${node.phase}`) : r.phase,
      title: (en && r.titleEn) || r.title,
      narrative: (en && r.narrativeEn) || r.narrative,
      via: x ? t(lang, `console.via.${x.via}`) : r.via,
      to: x ? x.to.map((id) => seatName.get(id) ?? id).join(t(lang, 'org.listSeparator')) : r.to,
      question: (en && r.questionEn) || r.question,
      expected: (en && r.expectedEn) || r.expected,
    };
  };
  return scenario.nodes.map((n, index) => {
    const units = new Map<string, MselUnitGroup>();
    for (const r of rows) {
      if (r.nodeId !== n.id) continue;
      for (const unit of injects.get(r.id)?.to ?? []) {
        let g = units.get(unit);
        if (!g) units.set(unit, (g = { unit, name: seatName.get(unit) ?? unit, lines: [] }));
        g.lines.push(line(r));
      }
    }
    const ordered = [...units.values()].sort((a, b) => (seatOrder.get(a.unit) ?? Infinity) - (seatOrder.get(b.unit) ?? Infinity));
    return { index: index + 1, node: n.id, name: pick(lang, n.name), units: ordered };
  });
}
