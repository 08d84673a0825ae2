// No role gains a right over the network: every role (the five seatless ones and a seat of each place
// in the hierarchy) sends every command type, well formed and with the shipped Haicheng scenario's real
// ids, over real sockets while the drill runs. The table of who may send what is written out here by
// hand from STANDARDS.md and the command registry's rules; an escalation is a command it forbids that
// the server accepted. Each forbidden attempt goes before the one the table allows, so the allowed
// one's ack shows the same command would have been taken at that moment. Then every payload a
// participant's socket received is searched for control material.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type CommandType, type DrillEvent } from '../../src/core/index.ts';
import type { Ack } from '../../src/protocol/messages.ts';
import { loadScenario, type Scenario } from '../../src/scenario/index.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { clientIdFor, createDrill, join as joinDrill, newLink, stringsOf, type SeatClient } from './seat-client.ts';

const haicheng: Scenario = (() => {
  const file = 'scenarios/haicheng-m5.8.yaml';
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scenario;
})();

/** The roles at the table, and one seat of each place in the Haicheng hierarchy. */
const WHO = ['commander', 'facilitator', 'controller', 'evaluator', 'observer', 'hq', 'group', 'county', 'unit'] as const;
type Who = (typeof WHO)[number];
const SEAT: Partial<Record<Who, string>> = { hq: 'anshan-hq', group: 'g-coord', county: 'county-haicheng', unit: 'military' };
const PARTICIPANTS = ['observer', 'hq', 'group', 'county', 'unit'] as const satisfies readonly Who[];
type Participant = (typeof PARTICIPANTS)[number];

/** Every command type of the core, in the order the drill below sends them. */
const TYPES: readonly CommandType[] = [
  'brief', 'start', 'set-visibility', 'assign-seat', 'assign-seats', 'live-inject', 'fire-inject', 'extend-deadline', 'answer',
  'void-decision', 'reopen-decision', 'order', 'report', 'hq', 'set-level', 'plot', 'unplot', 'next-node', 'pause', 'resume', 'end',
];

const DRILL_CONTROL: readonly CommandType[] = [
  'brief', 'start', 'pause', 'resume', 'next-node', 'end', 'fire-inject', 'live-inject', 'extend-deadline', 'void-decision',
  'reopen-decision', 'assign-seat', 'assign-seats', 'set-visibility', 'answer', 'order', 'hq', 'plot', 'unplot',
];
/**
 * What each may send at all (STANDARDS.md roles; the registry's `who` for the seats): 总指挥 and 导调
 * everything the facilitator may, never a seat's report or response level; 控制人员 the injects,
 * deadlines, orders and marks; 评估人员 and 观摩 nothing; the city HQ, a working group, a county HQ
 * and a member unit by their place.
 */
const MAY: Record<Who, readonly CommandType[]> = {
  commander: DRILL_CONTROL,
  facilitator: DRILL_CONTROL,
  controller: ['fire-inject', 'live-inject', 'extend-deadline', 'order', 'plot', 'unplot'],
  evaluator: [],
  observer: [],
  hq: ['answer', 'order', 'report', 'hq', 'set-level', 'plot', 'unplot'],
  group: ['answer', 'order', 'report', 'plot', 'unplot'],
  county: ['answer', 'order', 'report', 'set-level', 'plot', 'unplot'],
  unit: ['answer', 'report'],
};

const SECRET = {
  liveExpected: 'ESC-LIVE-EXPECTED 期望军分区组织民兵集结待命',
  controlMark: 'ESC-CONTROL-MARK 导调内部标注：余震观测点',
  evaluatorNote: 'ESC-EVALUATOR-NOTE 评估员观察：指挥部会商迟缓',
};

interface Step {
  type: CommandType;
  /** The command; `marks` holds the seq of the step's own plot once it is made. */
  event: DrillEvent | ((marks: number) => DrillEvent);
  /** The one the table allows whose ack must be ok: the command was good at that moment. */
  by: Who;
  /** Seats whose place allows the type but not this command: another seat's decision, orders and reports against the hierarchy. */
  outOfPlace?: Who[];
}

const NOTE_POINT: [number, number] = [40.85, 122.75];
const STEPS: Step[] = [
  { type: 'brief', event: { type: 'brief' }, by: 'facilitator' },
  { type: 'start', event: { type: 'start' }, by: 'facilitator' },
  { type: 'set-visibility', event: { type: 'set-visibility', scores: false, answers: false }, by: 'commander' },
  { type: 'assign-seat', event: { type: 'assign-seat', seat: 'fire-rescue', policy: null }, by: 'commander' },
  { type: 'assign-seats', event: { type: 'assign-seats', seats: ['fire-rescue', 'blue-sky'], policy: null }, by: 'facilitator' },
  { type: 'live-inject', event: { type: 'live-inject', title: '军分区待命', text: '请军分区组织民兵集结', to: ['military'], expected: SECRET.liveExpected }, by: 'controller' },
  // Delivering i03 opens d04, the Haicheng county HQ's decision, at once.
  { type: 'fire-inject', event: { type: 'fire-inject', inject: 'i03-first-damage' }, by: 'controller' },
  { type: 'extend-deadline', event: { type: 'extend-deadline', decision: 'd04-county-first', byMs: 60_000 }, by: 'controller' },
  { type: 'answer', event: { type: 'answer', decision: 'd04-county-first', options: ['county-response'] }, by: 'county', outOfPlace: ['hq', 'group', 'unit'] },
  { type: 'void-decision', event: { type: 'void-decision', decision: 'd04-county-first' }, by: 'commander' },
  { type: 'reopen-decision', event: { type: 'reopen-decision', decision: 'd04-county-first', byMs: 60_000 }, by: 'facilitator' },
  // The city HQ orders its groups; a group orders only its members; a county HQ not leading orders no group.
  { type: 'order', event: { type: 'order', to: 'g-coord', text: '综合协调组立即集结' }, by: 'hq', outOfPlace: ['group', 'county'] },
  // The military district, a member of g-coord, reports to it; the HQ, a group and a county HQ report only up.
  { type: 'report', event: { type: 'report', to: 'g-coord', text: '民兵已集结' }, by: 'unit', outOfPlace: ['hq', 'group', 'county'] },
  { type: 'hq', event: { type: 'hq', move: 'consult' }, by: 'hq' },
  // Level III is the city HQ's to declare (the plan's lead), not the county HQ's.
  { type: 'set-level', event: { type: 'set-level', level: 'III' }, by: 'hq', outOfPlace: ['county'] },
  { type: 'plot', event: { type: 'plot', audience: 'all', mark: { kind: 'note', points: [NOTE_POINT], text: '集结点' } }, by: 'controller' },
  // The controller's mark is the facilitator's: only they remove it.
  { type: 'unplot', event: (mark) => ({ type: 'unplot', mark }), by: 'controller', outOfPlace: ['hq', 'group', 'county'] },
  { type: 'next-node', event: { type: 'next-node' }, by: 'commander' },
  { type: 'pause', event: { type: 'pause' }, by: 'facilitator' },
  { type: 'resume', event: { type: 'resume' }, by: 'commander' },
  { type: 'end', event: { type: 'end' }, by: 'facilitator' },
];

/** Besides commands: fast-forward (the controlling roles') and an evaluator's note (the evaluators', and the drill's leads'). */
const MAY_SPEED: readonly Who[] = ['commander', 'facilitator'];
const MAY_NOTE: readonly Who[] = ['evaluator', 'commander', 'facilitator'];

/**
 * Injects the drill below delivers: i01 at the start, i03 by hand, the rest of node 1 as the commander
 * moves to node 2, node 2's (but the optional i21 and the conditional i15, i25) and i30 as the
 * facilitator, allowed too, moves on to node 3.
 */
const DELIVERED = [
  'i01-quake-report', 'i02-intensity', 'i03-first-damage', 'i04-substation-trip', 'i05-hospital-backup', 'i06-rumour-m7', 'i07-city-felt', 'i08-county-zero-report',
  'i10-hq-meeting', 'i11-chem-leak', 'i12-jiewen-collapse', 'i13-ximu-collapse', 'i14-pailou-nursing', 'i16-telecom-battery', 'i17-gas-leak', 'i18-landslide',
  'i19-hospital-surge', 'i20-school-chagou', 'i22-province-team', 'i23-militia-ready', 'i24-cold-night', 'i30-situation-2h',
];
/** Of those, the ones that reach the seat: addressed to it or to one of its working groups (an observer reads every delivered one). */
const REACHES: Record<Participant, readonly string[]> = {
  observer: DELIVERED,
  hq: ['i01-quake-report', 'i02-intensity', 'i03-first-damage', 'i10-hq-meeting', 'i22-province-team', 'i23-militia-ready', 'i30-situation-2h'],
  group: ['i10-hq-meeting', 'i22-province-team', 'i30-situation-2h'],
  county: ['i01-quake-report', 'i03-first-damage', 'i04-substation-trip', 'i10-hq-meeting', 'i12-jiewen-collapse', 'i13-ximu-collapse', 'i14-pailou-nursing', 'i17-gas-leak', 'i18-landslide', 'i20-school-chagou', 'i24-cold-night'],
  // military sits in g-coord (i10, i22, i30), g-rescue (i12–i14) and g-military (i23).
  unit: ['i10-hq-meeting', 'i12-jiewen-collapse', 'i13-ximu-collapse', 'i14-pailou-nursing', 'i22-province-team', 'i23-militia-ready', 'i30-situation-2h'],
};
/** Decisions still pending at the end whose prompt is another seat's choice: d19 (fire-rescue's), d32 (the city HQ's). */
const OTHERS_PENDING: Record<string, readonly Participant[]> = { 'd19-xiliu-fire': PARTICIPANTS, 'd32-level-review': ['observer', 'group', 'county', 'unit'] };

const both = (t: { zh: string; en?: string } | undefined) => (t ? [t.zh, ...(t.en ? [t.en] : [])] : []);

let data: string;
let server: RunningServer;
const clients: SeatClient[] = [];

beforeAll(async () => {
  data = mkdtempSync(join(tmpdir(), 'qd-escalation-'));
  server = await startServer({ port: 0, data, appDir: join(data, 'no-app') });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.close();
  rmSync(data, { recursive: true, force: true });
});

interface Attempt {
  who: Who;
  kind: CommandType | 'speed' | 'review';
  forbidden: 'role' | 'place' | false;
  ack: Ack;
}

describe('every role × every command over real sockets', () => {
  it('covers every command type of the core', () => {
    expect([...TYPES].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(STEPS.map((s) => s.type)).toEqual(TYPES);
  });

  let made: Awaited<ReturnType<typeof createDrill>> | undefined;

  it('accepts none of the commands the role table forbids, and sends participants no control material', async () => {
    made = await createDrill(server);
    const { drill, links } = made;
    // Three links per role: each its own rate bucket, so no attempt is turned away for speed.
    const sockets = {} as Record<Who, SeatClient[]>;
    for (const who of WHO) {
      const role = SEAT[who] ? 'seat' : who;
      const seat = SEAT[who] ?? who;
      const first = links.find((l) => l.role === role && l.seat === seat)!;
      const tokens = [first.token, (await newLink(server, drill, role, seat)).token, (await newLink(server, drill, role, seat)).token];
      sockets[who] = await Promise.all(tokens.map((t) => joinDrill(server.url, t)));
      clients.push(...sockets[who]);
    }
    const turns = new Map<Who, number>();
    const socketOf = (who: Who) => {
      const turn = turns.get(who) ?? 0;
      turns.set(who, turn + 1);
      return sockets[who][turn % 3]!;
    };
    /** The server's seq as the acks tell it: every send goes after the last, so none is stale. */
    let seq = 0;
    const attempts: Attempt[] = [];
    const attempt = async (who: Who, kind: Attempt['kind'], forbidden: Attempt['forbidden'], payload: (clientId: string) => unknown): Promise<Ack> => {
      const clientId = clientIdFor(`${who}-${kind}`);
      const ack = await socketOf(who).raw(kind === 'speed' ? 'speed' : kind === 'review' ? 'review' : 'command', payload(clientId));
      if ('seq' in ack && ack.seq !== undefined && kind !== 'review') seq = Math.max(seq, ack.seq);
      attempts.push({ who, kind, forbidden, ack });
      return ack;
    };
    const send = (who: Who, type: CommandType, forbidden: Attempt['forbidden'], event: DrillEvent) =>
      attempt(who, type, forbidden, (clientId) => ({ clientId, baseSeq: seq, event }));

    let mark = 0;
    for (const step of STEPS) {
      const event = typeof step.event === 'function' ? step.event(mark) : step.event;
      const byRole = WHO.filter((w) => !MAY[w].includes(step.type));
      const outOfPlace = step.outOfPlace ?? [];
      for (const who of byRole) await send(who, step.type, 'role', event);
      for (const who of outOfPlace) await send(who, step.type, 'place', event);
      const allowed = await send(step.by, step.type, false, event);
      expect(allowed, `${step.by} ${step.type}`).toMatchObject({ ok: true });
      if (step.type === 'plot' && allowed.ok) mark = allowed.seq;
      for (const who of WHO) if (MAY[who].includes(step.type) && who !== step.by && !outOfPlace.includes(who)) await send(who, step.type, false, event);

      if (step.type === 'start') {
        // While the drill runs: the facilitator's control-only mark; the speed and an evaluator's note, tried by every role.
        expect(await send('facilitator', 'plot', false, { type: 'plot', audience: 'control', mark: { kind: 'note', points: [NOTE_POINT], text: SECRET.controlMark } })).toMatchObject({ ok: true });
        for (const who of WHO.filter((w) => !MAY_SPEED.includes(w))) await attempt(who, 'speed', 'role', () => ({ speed: 1 }));
        expect(await attempt('facilitator', 'speed', false, () => ({ speed: 1 }))).toMatchObject({ ok: true });
        const note = { type: 'note', id: 'esc-observation', seq, t: 0, kind: 'improvement', text: SECRET.evaluatorNote };
        for (const who of WHO.filter((w) => !MAY_NOTE.includes(w))) await attempt(who, 'review', 'role', (clientId) => ({ clientId, event: note }));
        expect(await attempt('evaluator', 'review', false, (clientId) => ({ clientId, event: note }))).toMatchObject({ ok: true });
        // A seat writes its own self-assessment (自评), never another seat's.
        const selfAssessment = (seat: string) => ({ type: 'self-assessment', seat, rating: 3, well: '按预案报告', hard: '', plan: '' });
        const NEXT_SEAT: Record<string, Who> = { hq: 'group', group: 'county', county: 'unit', unit: 'hq' };
        for (const [who, other] of Object.entries(NEXT_SEAT)) await attempt(who as Who, 'review', 'place', (clientId) => ({ clientId, event: selfAssessment(SEAT[other]!) }));
        expect(await attempt('unit', 'review', false, (clientId) => ({ clientId, event: selfAssessment(SEAT.unit!) }))).toMatchObject({ ok: true });
      }
    }

    const forbidden = attempts.filter((a) => a.forbidden);
    const escalations = forbidden.filter((a) => a.ack.ok);
    const allowed = attempts.filter((a) => !a.forbidden);
    const byRole = forbidden.filter((a) => a.forbidden === 'role').length;
    console.log(
      `escalations: ${escalations.length} of ${forbidden.length} forbidden attempts ` +
        `(${byRole} by role, ${forbidden.length - byRole} out of place; ${attempts.length} attempts in all, ${allowed.filter((a) => a.ack.ok).length} of ${allowed.length} allowed ones accepted)`,
    );
    expect(escalations.map((a) => `${a.who} ${a.kind}`)).toEqual([]);
    // Worked out from MAY: commander 2 + facilitator 2 + controller 15 + evaluator 21 + observer 21 + hq 14 + group 16 + county 15 + unit 19
    // commands by role; 12 commands and 4 self-assessments out of place; 7 speed changes and 6 notes by role.
    expect(forbidden.filter((a) => a.kind !== 'speed' && a.kind !== 'review' && a.forbidden === 'role')).toHaveLength(125);
    expect(forbidden.filter((a) => a.forbidden === 'place')).toHaveLength(16);
    expect(forbidden).toHaveLength(154);
    // A role the table bars is turned away by the server; a seat's place is the core's to judge, and that refusal is logged.
    for (const a of forbidden) expect(a.ack, `${a.who} ${a.kind}`).toMatchObject({ ok: false, code: SEAT[a.who] && a.kind !== 'speed' ? 'refused' : 'role' });

    // Control material: what the control view holds (so the searches look for real words) and no participant's socket got.
    for (const who of PARTICIPANTS) {
      // A newcomer's welcome and a resync from the start carry the whole log, filtered.
      const late = await joinDrill(server.url, links.find((l) => (SEAT[who] ? l.seat === SEAT[who] : l.role === who))!.token);
      await late.raw('resync', { lastSeq: 0 });
      clients.push(late);
      sockets[who].push(late);
    }
    const needles = (who: Participant) => [
      ...haicheng.decisions.flatMap((d) => d.rubric.flatMap((r) => both(r.because))),
      ...haicheng.injects.flatMap((x) => both(x.expected)),
      ...haicheng.injects.filter((x) => !REACHES[who].includes(x.id)).flatMap((x) => both(x.narrative)),
      ...Object.entries(OTHERS_PENDING).filter(([, seen]) => seen.includes(who)).flatMap(([id]) => both(haicheng.decisions.find((d) => d.id === id)!.prompt)),
      ...Object.values(SECRET),
    ];
    const control = stringsOf(sockets.facilitator.map((c) => c.received)).join('\u0000');
    const missing = needles('unit').filter((n) => !control.includes(n));
    expect(missing, 'words the control view should have had').toEqual([]);
    const leaks: string[] = [];
    for (const who of PARTICIPANTS) {
      const got = stringsOf(sockets[who].map((c) => c.received)).join('\u0000');
      for (const n of needles(who)) if (got.includes(n)) leaks.push(`${who}: ${n.slice(0, 60)}`);
      for (const c of sockets[who]) walk(c.received, (key, value) => {
        // A participant keeps a decision's expiry rule (the fold needs it), never the expected answer or the rubric.
        if (key === 'expected' && !(typeof value === 'object' && value !== null && Object.keys(value).every((k) => k === 'onExpiry'))) leaks.push(`${who}: expected ${JSON.stringify(value).slice(0, 60)}`);
        if (key === 'rubric' && !(Array.isArray(value) && value.length === 0)) leaks.push(`${who}: a rubric`);
      });
    }
    const searched = PARTICIPANTS.reduce((n, who) => n + sockets[who].reduce((m, c) => m + c.received.length, 0), 0);
    console.log(`control material: ${leaks.length} leaks in ${searched} payloads to ${PARTICIPANTS.length} participant roles (${needles('unit').length} words searched for the unit)`);
    expect(leaks).toEqual([]);
  });

  it('lets no join link reach the host controls over REST beyond its role', async () => {
    const { drill, links } = made!;
    // 总指挥 and 导调 hand out and withdraw links; the control view (also 控制人员 and 评估人员) may download the log.
    const CONTROLS: readonly Who[] = ['commander', 'facilitator'];
    const CALLS = [
      { name: 'list links', may: CONTROLS, path: `/api/drills/${drill}/links` },
      { name: 'new link', may: CONTROLS, path: `/api/drills/${drill}/links`, body: { role: 'facilitator', seat: 'facilitator' } },
      { name: 'revoke', may: CONTROLS, path: `/api/drills/${drill}/revoke`, body: { nonce: 'no-such-link-nonce' } },
      { name: 'download', may: ['commander', 'facilitator', 'controller', 'evaluator'] as readonly Who[], path: `/api/drills/${drill}/log` },
    ];
    const escalations: string[] = [];
    let forbidden = 0;
    for (const who of WHO) {
      const token = links.find((l) => (SEAT[who] ? l.seat === SEAT[who] : l.role === who))!.token;
      for (const call of CALLS) {
        const res = await fetch(`${server.url}${call.path}`, {
          method: call.body ? 'POST' : 'GET',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          ...(call.body ? { body: JSON.stringify(call.body) } : {}),
        });
        await res.arrayBuffer();
        if (call.may.includes(who)) expect(res.status, `${who} ${call.name}`).toBeLessThan(300);
        else {
          forbidden++;
          if (res.status < 400) escalations.push(`${who} ${call.name}: ${res.status}`);
          else expect(res.status, `${who} ${call.name}`).toBe(403);
        }
      }
    }
    console.log(`REST escalations: ${escalations.length} of ${forbidden} forbidden calls`);
    expect(escalations).toEqual([]);
    // list, new link and revoke by 7 roles each; the download by the 5 participant ones.
    expect(forbidden).toBe(26);
  });
});

function walk(x: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(x)) for (const v of x) walk(v, visit);
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      visit(k, v);
      walk(v, visit);
    }
  }
}
