import type { StepJson, WorkflowJson } from './types';

export type WorkflowDiff = { added: string[]; removed: string[]; changed: string[]; settings: string[] };

function flatten(steps: StepJson[] | undefined, out = new Map<string, string>()): Map<string, string> {
  for (const s of steps ?? []) {
    if (!s || typeof s !== 'object') continue;
    const { do: seqs, ...own } = s;
    out.set(
      String(s.id),
      JSON.stringify(own, Object.keys(own).sort()) +
        JSON.stringify(own.inputs ?? null) +
        JSON.stringify(own.outputs ?? null) +
        JSON.stringify(own.selectNextStep ?? null),
    );
    for (const seq of seqs ?? []) flatten(seq, out);
  }
  return out;
}

/** What changed between two versions, by step id, for the version history. */
export function diffWorkflows(before: WorkflowJson, after: WorkflowJson): WorkflowDiff {
  const a = flatten(before.definition?.steps);
  const b = flatten(after.definition?.steps);
  const settings: string[] = [];
  if (before.definition?.name !== after.definition?.name) settings.push('name');
  if (before.trigger !== after.trigger) settings.push('trigger');
  if (before.subAccountId !== after.subAccountId) settings.push('subaccount');
  if (before.definition?.steps?.[0]?.id !== after.definition?.steps?.[0]?.id) settings.push('first step');
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)),
    settings,
  };
}

export function describeDiff(d: WorkflowDiff): string {
  const parts: string[] = [];
  if (d.added.length) parts.push(`+${d.added.length} step${d.added.length > 1 ? 's' : ''} (${d.added.slice(0, 3).join(', ')}${d.added.length > 3 ? '…' : ''})`);
  if (d.removed.length) parts.push(`−${d.removed.length} (${d.removed.slice(0, 3).join(', ')}${d.removed.length > 3 ? '…' : ''})`);
  if (d.changed.length) parts.push(`${d.changed.length} changed (${d.changed.slice(0, 3).join(', ')}${d.changed.length > 3 ? '…' : ''})`);
  if (d.settings.length) parts.push(`${d.settings.join(', ')} changed`);
  return parts.join(' · ') || 'No changes';
}
