import { setup } from 'xstate';

/**
 * 分析决策: pending → open (countdown) → answered | expired → scored. The facilitator may void it
 * (taken out of the drill and of the scores) from any state but voided, and reopen a closed or
 * voided one: it counts down again, and the next answer is the one scored.
 */
export const decisionMachine = setup({
  types: {} as { events: { type: 'open' } | { type: 'answer' } | { type: 'expire' } | { type: 'score' } | { type: 'void' } | { type: 'reopen' } },
}).createMachine({
  id: 'decision',
  initial: 'pending',
  states: {
    pending: { on: { open: 'open', void: 'voided' } },
    open: { on: { answer: 'answered', expire: 'expired', void: 'voided' } },
    answered: { on: { score: 'scored', void: 'voided', reopen: 'open' } },
    expired: { on: { score: 'scored', void: 'voided', reopen: 'open' } },
    scored: { on: { void: 'voided', reopen: 'open' } },
    voided: { on: { reopen: 'open' } },
  },
});
export type DecisionStatus = 'pending' | 'open' | 'answered' | 'expired' | 'scored' | 'voided';
