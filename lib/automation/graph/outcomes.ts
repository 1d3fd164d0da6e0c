import { describeCondition } from './describe-condition';
import { canonicalStepType, isBranchOnly } from './step-catalog';
import type { StepNodeData } from './types';

/** One outgoing handle of a step: where a path leaves it, and the step it leads to (if set). */
export type Outcome = { handle: string; label: string; target: string | null; kind: 'next' | 'branch' | 'do'; otherwise?: boolean };

export const NEXT_HANDLE = 'next';
export const branchHandle = (i: number) => `sel:${i}`;
export const doHandle = (i: number) => `do:${i}`;

/**
 * The outcomes a step shows, in order: each selectNextStep entry (labelled with its condition,
 * null as "otherwise"), an If's "do" sequences, then `nextStepId` (except for Branch, which only
 * selects). When a step has branches, `nextStepId` is what happens when none matches.
 */
export function outcomesOf(data: StepNodeData, doCount = data.doCount ?? 0): Outcome[] {
  const { step, branches } = data;
  const out: Outcome[] = [];
  const type = canonicalStepType(step.stepType);
  (branches ?? []).forEach((b, i) =>
    out.push({
      handle: branchHandle(i),
      label: describeCondition(b.condition, step.stepType),
      target: b.target || null,
      kind: 'branch',
      otherwise: b.condition == null,
    }),
  );
  if (type === 'If')
    for (let i = 0; i < doCount; i++) out.push({ handle: doHandle(i), label: doCount > 1 ? `then ${i + 1}` : 'then', target: null, kind: 'do' });
  if (!isBranchOnly(step.stepType)) {
    const label = type === 'JumpTo' ? 'jump to' : type === 'If' ? 'after' : branches?.length ? 'no match' : 'next';
    out.push({ handle: NEXT_HANDLE, label, target: typeof step.nextStepId === 'string' && step.nextStepId ? step.nextStepId : null, kind: 'next' });
  }
  return out;
}
