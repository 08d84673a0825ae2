// Entity lifecycles (decision, incident, team) are XState machines used as
// transition definitions: the drill keeps each entity's state as a plain string in its world data,
// so checkpoints are plain copies and nothing depends on delayed events (statelyai/xstate #5331).
// What each state does on each event is asked of XState once per machine, through its public API
// (resolveState, can, getNextSnapshot), and kept as a table: the fold's moves are then lookups.
import { getNextSnapshot, type AnyStateMachine } from 'xstate';

type Moves = ReadonlyMap<string, ReadonlyMap<string, string>>;
const tables = new WeakMap<AnyStateMachine, Moves>();

/** For each state of a flat lifecycle machine, the state each event it allows moves it to. */
function movesOf(machine: AnyStateMachine): Moves {
  let moves = tables.get(machine);
  if (!moves) {
    const table = new Map<string, Map<string, string>>();
    for (const state of Object.keys(machine.config.states ?? {})) {
      const snapshot = machine.resolveState({ value: state, context: machine.config.context });
      const next = new Map<string, string>();
      for (const type of machine.events) {
        if (snapshot.can({ type })) next.set(type, String(getNextSnapshot(machine, snapshot, { type }).value));
      }
      table.set(state, next);
    }
    tables.set(machine, (moves = table));
  }
  return moves;
}

/** The state an entity moves to on `event`, or undefined when the machine does not allow it. */
export function step(machine: AnyStateMachine, from: string, event: string): string | undefined {
  return movesOf(machine).get(from)?.get(event);
}

/** The state `from` moves to on `event`. The fold checks before it moves, so an impossible move is a bug: said, never stored. */
export function moved<S extends string>(machine: AnyStateMachine, from: S, event: string): S {
  const to = step(machine, from, event);
  if (to === undefined) throw new Error(`the ${machine.id} lifecycle has no '${event}' from '${from}'`);
  return to as S;
}
