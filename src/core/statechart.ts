// Entity lifecycles (decision, incident, team, response level) are XState machines used as
// transition definitions: the drill keeps each entity's state as a plain string in its world data,
// so checkpoints are plain copies and nothing depends on delayed events (statelyai/xstate #5331).
import type { AnyStateMachine } from 'xstate';

/** The state an entity moves to on `event`, or undefined when the machine does not allow it. */
export function step(machine: AnyStateMachine, from: string, event: string): string | undefined {
  const node = machine.states[from];
  const target = node?.transitions.get(event)?.[0]?.target?.[0];
  return target?.key;
}

/** Whether `event` is allowed from `from` (an unguarded transition exists). */
export const can = (machine: AnyStateMachine, from: string, event: string) => step(machine, from, event) !== undefined;
