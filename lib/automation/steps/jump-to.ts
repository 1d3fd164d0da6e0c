import type { Executor } from '@/lib/automation/runner/types';

/** JumpTo: a no-op whose nextStepId is the target. */
export const jumpToStep: Executor = {
  async run() {
    return { kind: 'done', results: {} };
  },
};
