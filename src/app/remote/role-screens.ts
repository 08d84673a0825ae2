// What the screens of a server drill offer the join link's role. The server refuses by role anyway
// (src/protocol/roles.ts); this is what the person at the terminal sees: a 参演单位 seat only its own
// seat screen, the 观摩 and 评估人员 their read-only views, the 控制人员 the console without the
// drill's flow (start, pause, next node, end, speed, visibility, seat assignment), 总指挥 and 导调 all.
import type { CommandType } from '../../core/index.ts';
import { refuseForRole, ROLE_TABLE, type DrillRole } from '../../protocol/roles.ts';
import { NAV, type NavScreen } from '../views/frame.ts';
import { EVALUATOR, OBSERVER, type Screen } from '../store.ts';

export interface RoleScreens {
  role: DrillRole;
  /** The screen the role lands on, and the one shown for a screen it does not have. */
  home: Screen;
  screens: readonly Screen[];
  /** The masthead's screen buttons (empty: none shown). */
  nav: readonly NavScreen[];
  /** The seat the seat screen always shows (null: the seat switcher chooses). */
  seat: string | null;
  /** A command the role's controls offer (the core still decides for a seat's own place). */
  may(type: CommandType): boolean;
  /** Changes the room's speed. */
  speed: boolean;
}

export function roleScreens(role: DrillRole, seat: string): RoleScreens {
  const may = (type: CommandType) => refuseForRole(role, type) === undefined;
  const speed = ROLE_TABLE[role].controls;
  if (role === 'seat' || role === 'observer') return { role, home: 'seat', screens: ['seat'], nav: [], seat: role === 'seat' ? seat : OBSERVER, may, speed };
  if (role === 'evaluator') {
    const screens: Screen[] = ['seat', 'scoreboard', 'debrief', 'review'];
    return { role, home: 'seat', screens, nav: ['seat', 'scoreboard', 'debrief'], seat: EVALUATOR, may, speed };
  }
  return { role, home: 'console', screens: ['briefing', 'console', 'seat', 'scoreboard', 'bigscreen', 'debrief', 'review'], nav: NAV, seat: null, may, speed };
}
