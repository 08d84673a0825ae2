import { setup } from 'xstate';
import type { Scenario } from '../../scenario/schema.ts';

/**
 * 指挥体系: the command hierarchy of one scenario as a statechart, built from its organisation and
 * its plan's response levels. Four parallel regions:
 *
 * - `hq` (the city HQ): receiving (接报) → consulting (会商) → opened (指挥部开设) → forwardPost
 *   (前方指挥部) → ended (响应结束). Declaring a level is 启动响应, so any level event opens an HQ
 *   not yet opened; ending the response (level none) ends the HQ's; a new level after the end
 *   reconvenes it.
 * - `level`: none → the levels the plan defines (IV … I, any to any) → ended (level none), and from
 *   ended a new level again. Each level state is tagged `lead:<who>` with the plan's `lead` (a seat,
 *   or 'province' / 'state'), and `guide:<city HQ>` when a county HQ leads (预案: 县级指挥部领导,
 *   市指挥部给予指导和支持).
 * - `groups`, one region per working group: standby → activated → deployed → stoodDown, tagged
 *   `commands:<group>` while activated or deployed (a group commands its members only then);
 *   ending the response stands every group down, and a stood-down group may be activated again.
 * - `counties`, one region per county HQ: standby → activated → stoodDown. The drill's start
 *   activates every county HQ: a local HQ starts its own response at once, before the city grades
 *   the quake (《国家地震应急预案》 先期处置: the affected county government acts immediately), and
 *   the county HQs at the table play from the start. Ending the response stands them down; a new
 *   level activates them again.
 *
 * Events are plain strings so the config is pure data (the Stately visualiser imports it as it is):
 * `hq.<move>`, `level.<IV…I|none>`, `drill.start`, and `<group or county id>.activate|deploy|standDown`
 * (ids are unique across a scenario file, so each names one region).
 */
export function createHierarchyMachine(scenario: Scenario) {
  let machine = machines.get(scenario);
  if (!machine) machines.set(scenario, (machine = buildMachine(scenario)));
  return machine;
}

const machines = new WeakMap<Scenario, ReturnType<typeof buildMachine>>();

/** The group states tagged `commands:<id>`: the group stands activated, commands its members, and its activation holds. */
export const ACTIVE_GROUP_STATES: ReadonlySet<string> = new Set(['activated', 'deployed']);

/** The levels' order in the `level` region, lowest response first. */
const LEVEL_ORDER = ['IV', 'III', 'II', 'I'] as const;

/** Builds the statechart's config alone: plain data, what `quake-drill statechart --json` prints. */
export function hierarchyConfig(scenario: Scenario) {
  const org = scenario.organisation;
  const hq = org.hq.id;
  const defined = LEVEL_ORDER.filter((l) => scenario.responseLevels.some((r) => r.level === l));
  const counties = new Set(org.counties.map((c) => c.id));
  const toLevels = (except?: string) => Object.fromEntries(defined.filter((l) => l !== except).map((l) => [`level.${l}`, l]));
  const leadTags = (lead: string) => [`lead:${lead}`, ...(counties.has(lead) ? [`guide:${hq}`] : [])];
  /** Any level event: declaring a response (the HQ opens for it, a stood-down region is called back). */
  const onAnyLevel = (target: string) => Object.fromEntries(defined.map((l) => [`level.${l}`, target]));

  const levelStates: Record<string, object> = { none: { tags: [`lead:${hq}`], on: toLevels() } };
  for (const l of defined) {
    const lead = scenario.responseLevels.find((r) => r.level === l)!.lead;
    levelStates[l] = { tags: leadTags(lead), on: { ...toLevels(l), 'level.none': 'ended' } };
  }
  levelStates.ended = { tags: [`lead:${hq}`], on: toLevels() };

  const group = (id: string) => {
    const states: Record<string, { on: Record<string, string> }> = {
      standby: { on: { [`${id}.activate`]: 'activated' } },
      activated: { on: { [`${id}.deploy`]: 'deployed', [`${id}.standDown`]: 'stoodDown', 'level.none': 'stoodDown' } },
      deployed: { on: { [`${id}.standDown`]: 'stoodDown', 'level.none': 'stoodDown' } },
      stoodDown: { on: { [`${id}.activate`]: 'activated' } },
    };
    const tagged = (name: string) => (ACTIVE_GROUP_STATES.has(name) ? { tags: [`commands:${id}`] } : {});
    return { initial: 'standby', states: Object.fromEntries(Object.entries(states).map(([name, node]) => [name, { ...tagged(name), ...node }])) };
  };
  const county = {
    initial: 'standby',
    states: {
      standby: { on: { 'drill.start': 'activated' } },
      activated: { on: { 'level.none': 'stoodDown' } },
      stoodDown: { on: onAnyLevel('activated') },
    },
  };

  return {
    id: 'hierarchy',
    type: 'parallel' as const,
    states: {
      hq: {
        initial: 'receiving',
        states: {
          receiving: { on: { 'hq.consult': 'consulting', 'hq.open': 'opened', ...onAnyLevel('opened') } },
          consulting: { on: { 'hq.open': 'opened', ...onAnyLevel('opened') } },
          opened: { on: { 'hq.forward-post': 'forwardPost', 'hq.end': 'ended', 'level.none': 'ended' } },
          forwardPost: { on: { 'hq.end': 'ended', 'level.none': 'ended' } },
          ended: { on: onAnyLevel('opened') },
        },
      },
      level: { initial: 'none', states: levelStates },
      groups: { type: 'parallel' as const, states: Object.fromEntries(org.groups.map((g) => [g.id, group(g.id)])) },
      counties: { type: 'parallel' as const, states: Object.fromEntries(org.counties.map((c) => [c.id, county])) },
    },
  };
}

function buildMachine(scenario: Scenario) {
  return setup({ types: {} as { events: { type: string }; tags: string } }).createMachine(hierarchyConfig(scenario));
}

export type HierarchyMachine = ReturnType<typeof createHierarchyMachine>;
