import type { z } from 'zod';
import type { Executor, ResumeValue, StepContext, StepOutcome } from '@/lib/automation/runner/types';
import type { StepSpec } from './define-step';

type Raw = Record<string, unknown>;

/**
 * A step's executor, with its inputs read through its definition's schema: `run` gets them typed
 * (text as text, defaults applied) instead of picking at `ctx.inputs`. The runner evaluated every
 * {{script}} before; the schemas accept anything (lenient-inputs.ts), so reading never fails a step.
 */
export function defineExecutor<S extends z.ZodType<Raw, unknown>>(
  definition: StepSpec<string, S>,
  impl: {
    run(ctx: StepContext, inputs: z.output<S>): Promise<StepOutcome>;
    /** Wait steps: the results once the wait ended. */
    resume?(ctx: StepContext, value: ResumeValue): StepOutcome;
  },
): Executor {
  return {
    async run(ctx) {
      return impl.run(ctx, definition.inputs.parse(ctx.inputs));
    },
    ...(impl.resume ? { resume: impl.resume } : {}),
  };
}
