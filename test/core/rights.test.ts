// Who may send what: every command, and every effect an order can carry, from every kind of sender,
// against a table written here by hand from the issue's rules — not read from the registry it checks.
import { describe, expect, it } from 'vitest';
import { FACILITATOR, type DrillEvent } from '../../src/core/index.ts';
import type { Effect } from '../../src/scenario/index.ts';
import { MIN, TestDrill, scenario } from './test-drill.ts';

type Sender = 'facilitator' | 'hq' | 'group' | 'county' | 'unit' | 'stranger';
const SENDERS: Sender[] = ['facilitator', 'hq', 'group', 'county', 'unit', 'stranger'];
const ACTOR: Record<Sender, string> = { facilitator: FACILITATOR, hq: 'anshan-hq', group: 'g-rescue', county: 'county-haicheng', unit: 'fire-rescue', stranger: 'nobody' };
/** Whom each sender addresses an order or a report to: someone it may, if it may at all. */
const ORDER_TO: Record<Sender, string> = { facilitator: 'fire-rescue', hq: 'g-rescue', group: 'fire-rescue', county: 'county-haicheng', unit: 'g-rescue', stranger: 'fire-rescue' };
const REPORT_TO: Record<Sender, string> = { facilitator: 'anshan-hq', hq: 'anshan-hq', group: 'anshan-hq', county: 'anshan-hq', unit: 'g-rescue', stranger: 'anshan-hq' };
/** A peer to coordinate with (协调): another group, another county, a unit of the same group; the HQ has none while it leads. */
const PEER: Record<Sender, string> = { facilitator: 'g-rescue', hq: 'county-haicheng', group: 'g-medical', county: 'county-tiedong', unit: 'blue-sky', stranger: 'g-rescue' };

const F = ['facilitator'] as const;
/**
 * Accepted from whom, in the default scenario, with a payload that is right for the sender:
 * the facilitator runs the drill; seats answer their own decisions (the facilitator may answer for
 * them); reports and requests go up from units, groups and counties, coordination sideways between
 * them (the HQ, leading, has no peer); the HQ sets level III (a county would lead IV, but an M5.8
 * with ≈15 deaths meets neither IV band) and makes its own moves (the facilitator may too);
 * commanders move their own people and pass word (a group once activated), the HQ alone activates
 * and stands down groups, a county HQ commands no teams of the city's units; outcomes (contain,
 * worsen, restore, open-route, fire-inject) come from the facilitator only.
 */
const ACCEPTED: Record<string, readonly Sender[]> = {
  brief: F, start: F, pause: F, resume: F, 'next-node': F, end: F,
  'fire-inject': F, 'extend-deadline': F, 'assign-seat': F,
  'fire-inject:edit': F, 'live-inject': F, 'void-decision': F, 'reopen-decision': F, 'assign-seats': F, 'set-visibility': F,
  // 态势标绘: the command's seats and the facilitator mark the map; a member unit reports what it sees.
  plot: ['facilitator', 'hq', 'group', 'county'],
  // Only the plotter (here: the sender itself) or the facilitator removes a mark.
  unplot: ['facilitator', 'hq', 'group', 'county'],
  'unplot:other': F,
  answer: ['facilitator', 'hq', 'group', 'county', 'unit'],
  report: ['group', 'county', 'unit'],
  'report:request': ['group', 'county', 'unit'],
  'report:coordinate': ['group', 'county', 'unit'],
  'set-level': ['hq'],
  hq: ['facilitator', 'hq'],
  'order:dispatch': ['facilitator', 'hq', 'group'],
  'order:evacuate': ['facilitator', 'hq', 'group', 'county'],
  'order:notify': ['facilitator', 'hq', 'group', 'county'],
  'order:open-shelter': ['facilitator', 'hq', 'group', 'county'],
  'order:close-route': ['facilitator', 'hq', 'group', 'county'],
  'order:activate-group': ['facilitator', 'hq'],
  'order:stand-down-group': ['facilitator', 'hq'],
  'order:contain': F, 'order:worsen': F, 'order:restore': F, 'order:open-route': F, 'order:fire-inject': F,
  'order:set-level': [],
};

const EFFECTS: Record<Effect['do'], Effect> = {
  dispatch: { do: 'dispatch', team: 'fire-usar', to: 'chagou', count: 1 },
  evacuate: { do: 'evacuate', place: 'chagou', people: 500 },
  notify: { do: 'notify', to: ['anshan-hq'] },
  'open-shelter': { do: 'open-shelter', facility: 'shelter-chagou' },
  'close-route': { do: 'close-route', route: 'g15-shenhai' },
  'activate-group': { do: 'activate-group', group: 'g-medical' },
  'stand-down-group': { do: 'stand-down-group', group: 'g-living' },
  contain: { do: 'contain', incident: 'inc-collapse-chagou' },
  worsen: { do: 'worsen', incident: 'inc-collapse-chagou', by: 1 },
  restore: { do: 'restore', facility: 'shelter-chagou' },
  'open-route': { do: 'open-route', route: 'g15-shenhai' },
  'fire-inject': { do: 'fire-inject', inject: 'i47-province-usar' },
  'set-level': { do: 'set-level', level: 'III' },
};

/** A drill standing where the command makes sense (d01, the HQ's, and d04, the county's, are open at 4:30), and the command from `sender`. */
function attempt(command: string, sender: Sender): { ok: boolean; reason?: string } {
  const d = new TestDrill(scenario('haicheng-m5.8.yaml'));
  const actor = ACTOR[sender];
  const send = (event: DrillEvent) => d.ex.apply({ t: d.t, actor, event });
  if (command === 'brief' || command === 'start') return send({ type: command });
  d.start().wait(4.5 * MIN);
  const owned: Record<Sender, string> = { facilitator: 'd01-level', hq: 'd01-level', group: 'd09-sar-allocation', county: 'd04-county-first', unit: 'd03-quake-consult', stranger: 'd01-level' };
  if (sender === 'group') d.wait(22 * MIN); // d09 opens at 26:00
  if (sender === 'unit') d.ex.apply({ t: d.t, actor: FACILITATOR, event: { type: 'extend-deadline', decision: 'd03-quake-consult', byMs: 30 * MIN } });
  if (command === 'resume') d.facilitator({ type: 'pause' });
  // The groups in play stand activated: the sender's own, and the one to stand down.
  for (const group of ['g-rescue', 'g-living']) d.facilitator({ type: 'order', to: group, effect: { do: 'activate-group', group } });
  if (command.startsWith('order:')) return send({ type: 'order', to: ORDER_TO[sender], effect: EFFECTS[command.slice(6) as Effect['do']] });
  switch (command) {
    case 'fire-inject': return send({ type: command, inject: 'i21-drone' });
    case 'extend-deadline': return send({ type: command, decision: 'd01-level', byMs: MIN });
    case 'assign-seat': return send({ type: command, seat: 'fire-rescue', policy: 'plan' });
    case 'fire-inject:edit': return send({ type: 'fire-inject', inject: 'i21-drone', edit: { title: '无人机航拍（修改）', to: ['g-rescue'] } });
    case 'live-inject': return send({ type: command, title: '群众自发救援', text: '析木镇群众正在徒手扒挖废墟。', to: ['g-rescue', 'fire-rescue'] });
    case 'void-decision': return send({ type: command, decision: 'd01-level', reason: '情景调整' });
    case 'reopen-decision': {
      d.facilitator({ type: 'void-decision', decision: 'd01-level' });
      return send({ type: command, decision: 'd01-level', byMs: 5 * MIN });
    }
    case 'assign-seats': return send({ type: command, seats: ['fire-rescue', 'ems-120'], policy: 'plan' });
    case 'set-visibility': return send({ type: command, scores: true, answers: false });
    case 'plot': return send({ type: command, mark: { kind: 'cordon', points: [[40.78, 122.70], [40.79, 122.71], [40.77, 122.72]] }, audience: 'command' });
    case 'unplot': {
      const plotted = send({ type: 'plot', mark: { kind: 'note', points: [[40.78, 122.70]], text: '集结点' }, audience: 'all' });
      if (!plotted.ok) return plotted;
      return send({ type: command, mark: d.ex.world.seq });
    }
    case 'unplot:other': {
      d.ex.apply({ t: d.t, actor: 'anshan-hq', event: { type: 'plot', mark: { kind: 'note', points: [[40.78, 122.70]], text: '前方指挥部' }, audience: 'all' } });
      const seq = d.ex.world.seq;
      return sender === 'hq' ? { ok: false, reason: 'the plotter itself: not this row' } : send({ type: 'unplot', mark: seq });
    }
    case 'answer': {
      const decision = d.ex.model.decisions.get(owned[sender])!;
      // A unit answers its own decision: the quake bureau's consultation (d03).
      if (sender === 'unit') return d.ex.apply({ t: d.t, actor: 'quake-bureau', event: { type: command, decision: decision.id, options: decision.expected.options } });
      return send({ type: command, decision: decision.id, ...(decision.kind === 'allocation' ? { allocations: decision.expected.allocations } : { options: decision.expected.options }) });
    }
    case 'report': return send({ type: command, to: REPORT_TO[sender], text: '已到达现场' });
    case 'report:request': return send({ type: 'report', to: REPORT_TO[sender], text: '请求增派救援力量', kind: 'request' });
    case 'report:coordinate': return send({ type: 'report', to: PEER[sender], text: '请协同开展搜救', kind: 'coordinate' });
    case 'hq': return send({ type: command, move: 'consult' });
    case 'set-level': return send({ type: command, level: sender === 'county' ? 'IV' : 'III' });
    default: return send({ type: command } as DrillEvent);
  }
}

describe('the role × command table', () => {
  it('every command and every effect, from every kind of sender: accepted exactly where the table says, 0 escapes', () => {
    const rows = Object.keys(ACCEPTED);
    let escapes = 0;
    const wrong: string[] = [];
    for (const command of rows) {
      for (const sender of SENDERS) {
        const outcome = attempt(command, sender);
        const allowed = ACCEPTED[command]!.includes(sender);
        if (outcome.ok && !allowed) escapes++;
        if (outcome.ok !== allowed) wrong.push(`${command} from ${sender}: ${outcome.ok ? 'accepted' : `refused (${outcome.reason})`}`);
      }
    }
    console.log(`role × command: ${rows.length} commands × ${SENDERS.length} senders = ${rows.length * SENDERS.length} cases, ${escapes} escapes`);
    expect(wrong).toEqual([]);
    expect(escapes).toBe(0);
  });

  it("an HQ order to 'contain' the Chagou collapse is refused: nobody is freed by decree", () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start().wait(10 * MIN);
    d.expectRefused(d.seat('anshan-hq', { type: 'order', to: 'g-rescue', effect: { do: 'contain', incident: 'inc-collapse-chagou' } }), "'contain' is an outcome, not an order: it comes from the facilitator or from a team on scene");
    expect(d.world.incidents['inc-collapse-chagou']!.rescuedAlive).toBe(0);
  });

  it('a dispatch goes to a place or an incident, not to a unit or a road; counts within what the unit has', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start();
    d.seat('anshan-hq', { type: 'order', to: 'g-rescue', effect: { do: 'activate-group', group: 'g-rescue' } });
    const order = (effect: Effect) => d.seat('g-rescue', { type: 'order', to: 'fire-rescue', effect });
    d.expectRefused(order({ do: 'dispatch', team: 'fire-usar', to: 'ema', count: 1 }), "a team goes to a place or an incident, and 'ema' is neither");
    d.expectRefused(order({ do: 'dispatch', team: 'fire-usar', to: 'g15-shenhai', count: 1 }), "a team goes to a place or an incident, and 'g15-shenhai' is neither");
    d.expectRefused(order({ do: 'dispatch', team: 'fire-usar', to: 'chagou', count: 1_000_000 }), `a 'order' event "effect.count": Too big: expected number to be <=1000`);
    d.expectRefused(order({ do: 'dispatch', team: 'fire-usar', to: 'chagou', count: 3 }), "fire-rescue has 2 team(s) of 'fire-usar', not 3");
    d.expectRefused(d.seat('county-haicheng', { type: 'order', to: 'county-haicheng', effect: { do: 'evacuate', place: 'tiedong', people: 10 } }), "tiedong is not in county-haicheng's area");
  });

  it('numbers are finite and bounded; ids are the scenario\'s own, never a prototype name', () => {
    const d = new TestDrill(scenario('haicheng-m5.8.yaml')).start().wait(4 * MIN);
    d.expectRefused(d.facilitator({ type: 'extend-deadline', decision: 'd01-level', byMs: Infinity }), `a 'extend-deadline' event "byMs": Invalid input: expected number, received Infinity`);
    d.expectRefused(d.facilitator({ type: 'extend-deadline', decision: 'd01-level', byMs: 25 * 60 * MIN }), `a 'extend-deadline' event "byMs": extend by at most 24 h at a time`);
    d.expectRefused(d.facilitator({ type: 'extend-deadline', decision: 'd01-level', byMs: -MIN }), `a 'extend-deadline' event "byMs": extend by a positive time`);
    d.expectRefused(d.facilitator({ type: 'fire-inject', inject: 'toString' }), `a 'fire-inject' event "inject": an id: lower-case letters, digits and hyphens`);
    d.expectRefused(d.facilitator({ type: 'fire-inject', inject: 'constructor' }), "there is no inject 'constructor'");
    d.expectRefused(d.facilitator({ type: 'assign-seat', seat: 'fire-rescue', policy: 'genius' } as never), /^a 'assign-seat' event "policy": Invalid option/);
    expect(() => d.ex.apply({ t: NaN, actor: FACILITATOR, event: { type: 'pause' } })).toThrow(/t must be a non-negative number of ms/);
    expect(() => d.ex.apply({ t: 1e15, actor: FACILITATOR, event: { type: 'pause' } })).toThrow(/more than 30 days after the drill was created/);
    expect(d.world.mode).toBe('running');
  });
});
