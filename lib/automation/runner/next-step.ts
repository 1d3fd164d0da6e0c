import type { StepDefinition } from '@/lib/automation/definition/definition-schema';
import { evaluateCondition, type ScriptOptions, type ScriptScope } from '@/lib/automation/script/evaluate';
import type { LoadedDefinition } from './definition-cache';

/** An open If.do sequence: which If, which of its sequences, and where to go once the If is done. */
export type Frame = { ifId: string; seq: number; after: string | null };
export type RunnerState = { frames: Frame[]; lastCall?: { subAccountId: string; destination: string } | null };

/**
 * The step after `step` in its own sequence: the first selectNextStep key whose condition holds (a
 * `null` condition is the default, taken when none holds), else nextStepId; null ends the sequence.
 */
export async function chooseNext(def: LoadedDefinition, step: StepDefinition, scope: ScriptScope, opts: ScriptOptions = {}): Promise<string | null> {
  const select = step.selectNextStep;
  if (select && Object.keys(select).length) {
    let fallback: string | undefined;
    for (const [target, condition] of Object.entries(select)) {
      if (condition === null) {
        fallback ??= target;
        continue;
      }
      if (await evaluateCondition(condition, scope, opts)) return target;
    }
    // A default naming no step completes the workflow ("others": null in the Keyword detection example).
    if (fallback !== undefined) return def.steps.has(fallback) ? fallback : null;
  }
  return step.nextStepId ?? null;
}

/** Where to go when a sequence ends: the If's next sequence, or the step after the If (outer frames too). */
export function leaveSequence(def: LoadedDefinition, state: RunnerState): string | null {
  while (state.frames.length) {
    const frame = state.frames[state.frames.length - 1];
    const ifStep = def.steps.get(frame.ifId)?.step;
    const sequences = ifStep?.do ?? [];
    for (let next = frame.seq + 1; next < sequences.length; next++) {
      if (sequences[next]?.length) {
        frame.seq = next;
        return sequences[next][0].id;
      }
    }
    state.frames.pop();
    if (frame.after) return frame.after;
  }
  return null;
}
