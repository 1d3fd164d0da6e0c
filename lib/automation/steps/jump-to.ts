import { defineExecutor } from './define-executor';
import { jumpToDefinition } from './jump-to-definition';

/** JumpTo: a no-op whose nextStepId is the target. */
export const jumpToStep = defineExecutor(jumpToDefinition, {
  async run() {
    return { kind: 'done', results: {} };
  },
});
