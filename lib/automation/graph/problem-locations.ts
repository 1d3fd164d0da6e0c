import type { StepJson, WorkflowJson } from './types';

export type Problem = { path: string; message: string };

/**
 * The step a problem path points into ("definition.steps.3.do.0.1.inputs.text" → that nested
 * step's id), or null for workflow-level problems (name, trigger, subAccountId).
 */
export function stepIdAtPath(workflow: WorkflowJson, path: string): string | null {
  const parts = path.split('.');
  if (parts[0] !== 'definition' || parts[1] !== 'steps') return null;
  let list: StepJson[] | undefined = workflow.definition?.steps;
  let found: StepJson | null = null;
  let i = 2;
  while (list && i < parts.length) {
    const step: StepJson | undefined = list[Number(parts[i])];
    if (!step) break;
    found = step;
    if (parts[i + 1] === 'do' && Array.isArray(step.do)) {
      list = step.do[Number(parts[i + 2])];
      i += 3;
    } else break;
  }
  return found && typeof found.id === 'string' ? found.id : null;
}

/** Problems grouped by step id; the rest (workflow-level) under "". */
export function problemsByStep(workflow: WorkflowJson, problems: Problem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) {
    const id = stepIdAtPath(workflow, p.path) ?? '';
    const list = out.get(id) ?? [];
    list.push(p.message);
    out.set(id, list);
  }
  return out;
}
