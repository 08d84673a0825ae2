import { setup } from 'xstate';

/** 分析决策: pending → open (countdown) → answered | expired → scored. */
export const decisionMachine = setup({
  types: {} as { events: { type: 'open' } | { type: 'answer' } | { type: 'expire' } | { type: 'score' } },
}).createMachine({
  id: 'decision',
  initial: 'pending',
  states: {
    pending: { on: { open: 'open' } },
    open: { on: { answer: 'answered', expire: 'expired' } },
    answered: { on: { score: 'scored' } },
    expired: { on: { score: 'scored' } },
    scored: { type: 'final' },
  },
});
export type DecisionStatus = 'pending' | 'open' | 'answered' | 'expired' | 'scored';
