import type { Db } from '@/lib/db/client';
import { read, type Step, type Tx } from '@/lib/db/tx';
import type { StepDefinition, WorkflowBody } from '@/lib/automation/definition/definition-schema';

export type Located = {
  step: StepDefinition;
  /** null at the top level; else the If step and the index of the sequence in its do. */
  parent: { ifId: string; seq: number } | null;
};

export type LoadedDefinition = { body: WorkflowBody; entry: string; steps: Map<string, Located> };

// A published version never changes, so its parsed definition is kept for the life of the process.
// An unpublished draft may be saved over (the editor's autosave), so a draft is re-read every time and
// re-parsed only when its stored text differs from the copy kept: a test run never runs a stale body.
const published = new Map<string, LoadedDefinition>();
const drafts = new Map<string, { text: string; loaded: LoadedDefinition }>();
const MAX_ENTRIES = 2000;

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

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

/** A version's definition, read in the caller's transaction (or read), if not kept already. */
export function* definitionFor(t: Tx, definitionId: string, version: number): Step<LoadedDefinition> {
  const key = `${definitionId}:${version}`;
  const hit = published.get(key);
  if (hit) return hit;
  const row = yield* t.one<{ body: string; publishedAt: string | null }>(
    'SELECT "body", "publishedAt" FROM "WorkflowVersion" WHERE "workflowId" = ? AND "version" = ?',
    definitionId,
    version,
  );
  if (!row) throw new Error(`Workflow ${definitionId} has no version ${version}`);
  if (row.publishedAt !== null) {
    drafts.delete(key);
    return remember(published, key, index(JSON.parse(row.body) as WorkflowBody));
  }
  const draft = drafts.get(key);
  if (draft?.text === row.body) return draft.loaded;
  return remember(drafts, key, { text: row.body, loaded: index(JSON.parse(row.body) as WorkflowBody) }).loaded;
}

export async function loadDefinition(db: Db, definitionId: string, version: number): Promise<LoadedDefinition> {
  const hit = published.get(`${definitionId}:${version}`);
  if (hit) return hit;
  return read(db, (t) => definitionFor(t, definitionId, version));
}
