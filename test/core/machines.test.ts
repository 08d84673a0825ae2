// Each lifecycle machine: its reachable paths (xstate/graph), and that the engine's table lookup
// (statechart.ts `step`) agrees with XState's own transition for every state and event.
import { describe, expect, it } from 'vitest';
import { getSimplePaths } from 'xstate/graph';
import { transition, type AnyStateMachine } from 'xstate';
import { decisionMachine } from '../../src/core/machines/decision.machine.ts';
import { incidentMachine } from '../../src/core/machines/incident.machine.ts';
import { teamMachine } from '../../src/core/machines/team.machine.ts';
import { moved, step } from '../../src/core/statechart.ts';

const eventsOf = (m: AnyStateMachine) => [...new Set(Object.values(m.states).flatMap((s) => [...s.transitions.keys()]))].map((type) => ({ type }));
const paths = (m: AnyStateMachine) =>
  getSimplePaths(m, { events: eventsOf(m) }).map((p) => p.steps.slice(1).map((s) => s.event.type).join(' → ') + ` ⇒ ${String(p.state.value)}`);

describe('lifecycle machines', () => {
  it('decision: pending → open → answered | expired → scored; voided from any of them, reopened from a closed or voided one', () => {
    const all = paths(decisionMachine);
    for (const p of ['open → answer → score ⇒ scored', 'open → expire → score ⇒ scored', 'void ⇒ voided', 'open → answer → score → void ⇒ voided', 'void → reopen → answer → score ⇒ scored']) expect(all).toContain(p);
  });

  it('incident: latent → reported → escalating → contained → resolved, and a contained one can flare up', () => {
    const all = paths(incidentMachine);
    expect(all).toContain('report → contain → resolve ⇒ resolved');
    expect(all).toContain('report → worsen → contain → resolve ⇒ resolved');
    expect(all).toContain('report → contain → worsen ⇒ escalating');
    expect(all.every((p) => !p.includes('resolve →'))).toBe(true);
  });

  it('team: available → tasked → en route → on scene → released → available', () => {
    expect(paths(teamMachine)).toContain('task → depart → arrive → release ⇒ released');
    expect(step(teamMachine, 'released', 'return')).toBe('available');
    expect(step(teamMachine, 'available', 'arrive')).toBeUndefined();
  });

  it('an impossible move is an error naming the lifecycle, never an undefined state', () => {
    expect(() => moved(teamMachine, 'available', 'arrive')).toThrow("the team lifecycle has no 'arrive' from 'available'");
    expect(() => moved(decisionMachine, 'scored', 'answer')).toThrow("the decision lifecycle has no 'answer' from 'scored'");
    expect(moved(incidentMachine, 'escalating', 'worsen')).toBe('escalating');
  });

  it.each([decisionMachine, incidentMachine, teamMachine])('step() agrees with XState for every state and event of %s', (machine) => {
    for (const state of Object.keys(machine.states)) {
      for (const event of eventsOf(machine)) {
        const snapshot = machine.resolveState({ value: state, context: {} });
        const [next] = transition(machine, snapshot, event as never);
        const xstate = next.value === state && !machine.states[state]!.transitions.has(event.type) ? undefined : String(next.value);
        expect(step(machine, state, event.type), `${machine.id}: ${state} --${event.type}-->`).toBe(xstate);
      }
    }
  });
});
