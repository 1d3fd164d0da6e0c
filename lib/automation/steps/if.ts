import { defineExecutor } from './define-executor';
import { ifDefinition } from './if-definition';

/** If: the runner enters `do` when the evaluated condition is truthy. */
export const ifStep = defineExecutor(ifDefinition, {
  async run(_ctx, { condition }) {
    return { kind: 'done', results: { condition }, enterDo: condition };
  },
});
