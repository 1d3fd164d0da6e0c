import type { Db } from '@/lib/db/client';
import type { StepDefinition, WorkflowBody } from '@/lib/automation/definition/definition-schema';

export type Located = {
  step: StepDefinition;
  /** null at the top level; else the If step and the index of the sequence in its do. */
  parent: { ifId: string; seq: number } | null;
};

export type LoadedDefinition = { body: WorkflowBody; entry: string; steps: Map<string, Located> };

// Versions never change once saved, so a version's parsed definition is cached for the process.
const cache = new Map<string, LoadedDefinition>();

function index(body: WorkflowBody): LoadedDefinition {
  const steps = new Map<string, Located>();
  const walk = (list: StepDefinition[], parent: Located['parent']) => {
    for (const step of list) {
      steps.set(step.id, { step, parent });
      if (step.stepType === 'If' && Array.isArray(step.do)) step.do.forEach((seq, i) => walk(seq, { ifId: step.id, seq: i }));
    }
  };
  walk(body.definition.steps, null);
  return { body, entry: body.definition.steps[0].id, steps };
}

export async function loadDefinition(db: Db, definitionId: string, version: number): Promise<LoadedDefinition> {
  const key = `${definitionId}:${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const row = await db.workflowVersion.findUnique({ where: { workflowId_version: { workflowId: definitionId, version } } });
  if (!row) throw new Error(`Workflow ${definitionId} has no version ${version}`);
  const loaded = index(row.body as unknown as WorkflowBody);
  if (cache.size > 2000) cache.clear();
  cache.set(key, loaded);
  return loaded;
}
