import type { Executor } from '@/lib/automation/runner/types';

/** If: the runner enters `do` when the evaluated condition is truthy. */
export const ifStep: Executor = {
  async run(ctx) {
    const condition = Boolean(ctx.inputs.condition);
    return { kind: 'done', results: { condition }, enterDo: condition };
  },
};
