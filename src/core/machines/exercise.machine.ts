import { assign, setup } from 'xstate';
import type { Phase } from '../world.ts';

export interface ExerciseInput {
  nodes: readonly { id: string; phase: Phase }[];
}

export type ExerciseEvent =
  | { type: 'brief' }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'next-node' }
  | { type: 'end' };

/** The state path of node i (0-based), e.g. 'running.node2' for the second node. */
export const nodeState = (i: number) => `node${i + 1}`;

/**
 * 演练: setup → briefing → running (node 1 … N, each tagged with its phase and id) ⇄ paused → debrief.
 * Paused, the facilitator may still move to the next node (pause → discuss → next node): the drill
 * stays paused in it, and resumes where `nodeIndex` says. Built per scenario because the nodes come
 * from the file.
 */
export function createExerciseMachine(input: ExerciseInput) {
  let machine = machines.get(input.nodes);
  if (!machine) machines.set(input.nodes, (machine = buildMachine(input)));
  return machine;
}

/** One statechart per nodes array (a scenario's), shared by its runs, seeks and branches. */
const machines = new WeakMap<ExerciseInput['nodes'], ReturnType<typeof buildMachine>>();

function buildMachine(input: ExerciseInput) {
  const last = input.nodes.length - 1;
  const nodeStates = Object.fromEntries(
    input.nodes.map((n, i) => [
      nodeState(i),
      {
        tags: [n.phase, `node:${n.id}`],
        entry: { type: 'enterNode' as const, params: { index: i } },
        on: i < last ? { 'next-node': nodeState(i + 1) } : {},
      },
    ]),
  );
  return setup({
    types: {} as { context: { nodeIndex: number }; events: ExerciseEvent; tags: string },
    actions: { enterNode: assign((_, params: { index: number }) => ({ nodeIndex: params.index })) },
    guards: { notLastNode: ({ context }) => context.nodeIndex < last },
  }).createMachine({
    id: 'exercise',
    initial: 'setup',
    context: { nodeIndex: -1 },
    states: {
      setup: { on: { brief: 'briefing', start: 'running' } },
      briefing: { on: { start: 'running' } },
      running: {
        initial: nodeState(0),
        states: nodeStates,
        on: { pause: 'paused', end: 'debrief' },
      },
      paused: {
        on: {
          resume: input.nodes.map((_, i) => ({ target: `running.${nodeState(i)}`, guard: ({ context }: { context: { nodeIndex: number } }) => context.nodeIndex === i })),
          'next-node': { guard: 'notLastNode', actions: assign({ nodeIndex: ({ context }) => context.nodeIndex + 1 }) },
          end: 'debrief',
        },
      },
      debrief: { type: 'final' },
    },
  });
}
export type ExerciseMachine = ReturnType<typeof createExerciseMachine>;
