// Who did what, in words: the reports and forms name seats, the facilitator and the evaluators,
// never their ids (the ids stay in the JSON and CSV for tools).
import { EVALUATOR, FACILITATOR, type Level } from '../core/index.ts';
import type { Scenario, Text } from '../scenario/index.ts';

/** The facilitator and the evaluators, who are no seat of the scenario. */
export const NOT_SEATS: Readonly<Record<string, Text & { en: string }>> = {
  [FACILITATOR]: { zh: '导调', en: 'Facilitator' },
  [EVALUATOR]: { zh: '评估人员', en: 'Evaluator' },
};

/** A seat's, the facilitator's or the evaluators' name; an unknown id stands for itself. */
export function actorText(scenario: Scenario, id: string): Text {
  const org = scenario.organisation;
  const unit = org.units.find((u) => u.id === id);
  if (unit) return unit.short ?? unit.name;
  return NOT_SEATS[id] ?? [org.hq, ...org.groups, ...org.counties].find((s) => s.id === id)?.name ?? { zh: id, en: id };
}

/** Roman numerals as the plan writes the levels: Ⅰ级 … Ⅳ级. */
export const LEVEL_NUMERAL: Readonly<Record<Exclude<Level, 'none'>, string>> = { I: 'Ⅰ', II: 'Ⅱ', III: 'Ⅲ', IV: 'Ⅳ' };
