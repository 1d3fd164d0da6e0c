import { branchDefinition } from './branch-definition';
import { defineExecutor } from './define-executor';

/** Branch: nothing to do; the runner takes the first true selectNextStep entry. */
export const branchStep = defineExecutor(branchDefinition, {
  async run() {
    return { kind: 'done', results: {} };
  },
});
