import { setup } from 'xstate';

/**
 * 响应级别 of the command HQ: none → IV … I. Activate from none, raise towards I, lower towards IV,
 * end back to none. Which level is chosen is data; this says which moves exist.
 */
export const levelMachine = setup({
  types: {} as { events: { type: 'activate' } | { type: 'raise' } | { type: 'lower' } | { type: 'end' } },
}).createMachine({
  id: 'level',
  initial: 'none',
  states: {
    none: { on: { activate: 'active' } },
    active: { on: { raise: 'active', lower: 'active', end: 'ended' } },
    ended: { on: { activate: 'active' } },
  },
});
