import type { Executor } from '@/lib/automation/runner/types';

/** Branch: nothing to do; the runner takes the first true selectNextStep entry. */
export const branchStep: Executor = {
  async run() {
    return { kind: 'done', results: {} };
  },
};
