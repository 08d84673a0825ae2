// Which commands each role may send at all, against a table written here by hand from the issue's
// roles (STANDARDS.md: 总指挥, 导调, 控制人员, 参演单位, 评估人员, 观摩), not read from ROLE_TABLE.
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, FACILITATOR, type CommandType } from '../../src/core/index.ts';
import { actorOf, DRILL_ROLES, refuseForRole, ROLE_TABLE, type DrillRole } from '../../src/protocol/index.ts';

// Columns: commander, facilitator, controller, seat, evaluator, observer. 'y' may send (a seat: the
// core decides by its place), '-' refused for the role.
const TABLE = `
brief             y y - y - -
start             y y - y - -
pause             y y - y - -
resume            y y - y - -
next-node         y y - y - -
end               y y - y - -
fire-inject       y y y y - -
live-inject       y y y y - -
extend-deadline   y y y y - -
void-decision     y y - y - -
reopen-decision   y y - y - -
assign-seat       y y - y - -
assign-seats      y y - y - -
set-visibility    y y - y - -
answer            y y - y - -
order             y y y y - -
report            - - - y - -
hq                y y - y - -
set-level         - - - y - -
plot              y y y y - -
unplot            y y y y - -
`;
const COLUMNS: DrillRole[] = ['commander', 'facilitator', 'controller', 'seat', 'evaluator', 'observer'];
const rows = TABLE.trim().split('\n').map((line) => line.trim().split(/\s+/));

describe('role × command', () => {
  it('the table covers every command type and every role', () => {
    expect(rows.map((r) => r[0]).sort()).toEqual([...COMMAND_TYPES].sort());
    expect([...DRILL_ROLES].sort()).toEqual([...COLUMNS].sort());
  });

  for (const [type, ...cells] of rows) {
    it(`${type}`, () => {
      COLUMNS.forEach((role, i) => expect(refuseForRole(role, type as CommandType), `${role} → ${type}`).toBe(cells[i] === 'y' ? undefined : 'role'));
    });
  }

  it('counts: commander and facilitator 19, controller 6, evaluator and observer none', () => {
    const allowed = (role: DrillRole) => COMMAND_TYPES.filter((t) => refuseForRole(role, t) === undefined).length;
    expect(COLUMNS.map(allowed)).toEqual([19, 19, 6, 21, 0, 0]);
  });
});

describe('actors and views', () => {
  it('the control roles act as the facilitator, a seat as its seat, evaluators and observers as no one', () => {
    expect(COLUMNS.map((role) => actorOf(role, 'ema'))).toEqual([FACILITATOR, FACILITATOR, FACILITATOR, 'ema', null, null]);
  });

  it('control view: commander, facilitator, controller, evaluator; participant: seat, observer', () => {
    expect(COLUMNS.map((role) => ROLE_TABLE[role].view)).toEqual(['control', 'control', 'control', 'participant', 'control', 'participant']);
  });

  it('only the commander and the facilitator control the room (speed, links, revoke, download)', () => {
    expect(COLUMNS.filter((role) => ROLE_TABLE[role].controls)).toEqual(['commander', 'facilitator']);
  });

  it('every role has a Chinese and an English name', () => {
    expect(COLUMNS.map((role) => ROLE_TABLE[role].name)).toEqual([
      { zh: '总指挥', en: 'Commander' },
      { zh: '导调（总策划）', en: 'Facilitator' },
      { zh: '控制人员', en: 'Controller' },
      { zh: '参演单位', en: 'Participating seat' },
      { zh: '评估人员', en: 'Evaluator' },
      { zh: '观摩', en: 'Observer' },
    ]);
  });
});
