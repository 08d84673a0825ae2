import { setup } from 'xstate';

/** 事件: latent → reported → escalating → contained → resolved. A contained incident stops its cascades. */
export const incidentMachine = setup({
  types: {} as { events: { type: 'report' } | { type: 'worsen' } | { type: 'contain' } | { type: 'resolve' } },
}).createMachine({
  id: 'incident',
  initial: 'latent',
  states: {
    latent: { on: { report: 'reported' } },
    reported: { on: { worsen: 'escalating', contain: 'contained' } },
    escalating: { on: { worsen: 'escalating', contain: 'contained' } },
    contained: { on: { resolve: 'resolved', worsen: 'escalating' } },
    resolved: { type: 'final' },
  },
});
export type IncidentStatus = 'latent' | 'reported' | 'escalating' | 'contained' | 'resolved';
