// The drill's roles at a server (STANDARDS.md: 总指挥, 总策划/导调, 控制人员, 参演单位, 评估人员, 观摩):
// what each sees, which core actor its commands are logged under, and which commands it may send at
// all. The core still decides everything a command's place in the hierarchy allows (COMMANDS[type].who).
import { COMMANDS, COMMAND_TYPES, FACILITATOR, type CommandType } from '../core/index.ts';
import type { RefusalCode } from './refusals.ts';

export const DRILL_ROLES = ['commander', 'facilitator', 'controller', 'seat', 'evaluator', 'observer'] as const;
export type DrillRole = (typeof DRILL_ROLES)[number];

export interface RoleRights {
  name: { zh: string; en: string };
  /** 'control': the whole scenario, every entry, the review stream; 'participant': filtered (views.ts). */
  view: 'control' | 'participant';
  /** The core actor its commands are logged under: 'facilitator', the token's seat, or none. */
  acts: 'facilitator' | 'seat' | null;
  /** Command types the role may send at all ('core': whatever the core allows the seat's place). */
  commands: readonly CommandType[] | 'core';
  /** May change the room's speed (fast-forward), create join links, revoke them, download the log. */
  controls: boolean;
}

/** Everything the core lets the facilitator send: the drill's control and acting on a seat's behalf. */
const FACILITATOR_COMMANDS = COMMAND_TYPES.filter((type) => COMMANDS[type].who.includes('facilitator'));
/** 控制人员 send control messages per the drill plan (STANDARDS.md) but do not run the drill's flow. */
const CONTROLLER_COMMANDS: readonly CommandType[] = ['fire-inject', 'live-inject', 'extend-deadline', 'order', 'plot', 'unplot'];

export const ROLE_TABLE: Record<DrillRole, RoleRights> = {
  commander: { name: { zh: '总指挥', en: 'Commander' }, view: 'control', acts: 'facilitator', commands: FACILITATOR_COMMANDS, controls: true },
  facilitator: { name: { zh: '导调（总策划）', en: 'Facilitator' }, view: 'control', acts: 'facilitator', commands: FACILITATOR_COMMANDS, controls: true },
  controller: { name: { zh: '控制人员', en: 'Controller' }, view: 'control', acts: 'facilitator', commands: CONTROLLER_COMMANDS, controls: false },
  seat: { name: { zh: '参演单位', en: 'Participating seat' }, view: 'participant', acts: 'seat', commands: 'core', controls: false },
  evaluator: { name: { zh: '评估人员', en: 'Evaluator' }, view: 'control', acts: null, commands: [], controls: false },
  observer: { name: { zh: '观摩', en: 'Observer' }, view: 'participant', acts: null, commands: [], controls: false },
};

export const isDrillRole = (x: unknown): x is DrillRole => typeof x === 'string' && (DRILL_ROLES as readonly string[]).includes(x);

/** The core actor a role's commands are logged under (`seat`: the token's scenario seat), or null for a role that sends none. */
export function actorOf(role: DrillRole, seat: string): string | null {
  const acts = ROLE_TABLE[role].acts;
  return acts === 'facilitator' ? FACILITATOR : acts === 'seat' ? seat : null;
}

/** 'role' when the role may never send `type`; undefined when it may (the core then decides). */
export function refuseForRole(role: DrillRole, type: CommandType): RefusalCode | undefined {
  const commands = ROLE_TABLE[role].commands;
  return commands === 'core' || commands.includes(type) ? undefined : 'role';
}
