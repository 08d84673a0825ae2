import { setup } from 'xstate';

/** A unit's team: available → tasked → en route → on scene → released (and available again). */
export const teamMachine = setup({
  types: {} as { events: { type: 'task' } | { type: 'depart' } | { type: 'arrive' } | { type: 'release' } | { type: 'return' } },
}).createMachine({
  id: 'team',
  initial: 'available',
  states: {
    available: { on: { task: 'tasked' } },
    tasked: { on: { depart: 'en-route', release: 'released' } },
    'en-route': { on: { arrive: 'on-scene', release: 'released' } },
    'on-scene': { on: { release: 'released' } },
    released: { on: { return: 'available' } },
  },
});
export type TeamStatus = 'available' | 'tasked' | 'en-route' | 'on-scene' | 'released';
