import { ValidationError } from '@/lib/errors';
import { canonicalStepType } from './step-catalog';
import { groupNodeId, isGroupNode, isStepNode, type GraphNode } from './types';

const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** A new id in the 8x8 editor's style, `chatappsmessage_0501`, not yet in `taken`. */
export function newStepId(stepType: string, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  const prefix = (canonicalStepType(stepType) ?? stepType).toLowerCase();
  for (let i = 0; i < 50; i++) {
    const id = `${prefix}_${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    if (!taken.has(id)) return id;
  }
  for (let n = 10000; ; n++) if (!taken.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

export function stepIdsOf(nodes: GraphNode[]): Set<string> {
  return new Set(nodes.filter(isStepNode).map((n) => n.id));
}

export function checkStepId(nodes: GraphNode[], newId: string, oldId?: string): string | null {
  if (!newId) return 'A step needs an id';
  if (!ID_PATTERN.test(newId)) return 'Use letters, digits, "_" and "-" only';
  if (newId !== oldId && nodes.some((n) => n.id === newId)) return `Another step is already called "${newId}"`;
  return null;
}

/** Renames a step and every reference to it (nextStepId, selectNextStep targets, its "do" groups). */
export function renameStep(nodes: GraphNode[], oldId: string, newId: string): GraphNode[] {
  if (oldId === newId) return nodes;
  const problem = checkStepId(nodes, newId, oldId);
  if (problem) throw new ValidationError(problem, [{ path: 'id', message: problem }]);
  const groupRename = new Map<string, string>();
  for (const n of nodes) if (isGroupNode(n) && n.data.ifId === oldId) groupRename.set(n.id, groupNodeId(newId, n.data.index as number));
  return nodes.map((n) => {
    if (isGroupNode(n)) {
      return groupRename.has(n.id) ? { ...n, id: groupRename.get(n.id)!, data: { ...n.data, ifId: newId } } : n;
    }
    if (!isStepNode(n)) return n;
    let step = n.data.step;
    let branches = n.data.branches;
    if (n.id === oldId) step = { ...step, id: newId };
    if (step.nextStepId === oldId) step = { ...step, nextStepId: newId };
    if (branches?.some((b) => b.target === oldId)) branches = branches.map((b) => (b.target === oldId ? { ...b, target: newId } : b));
    const parentId = n.parentId && groupRename.get(n.parentId);
    const changed = step !== n.data.step || branches !== n.data.branches;
    if (!changed && !parentId && n.id !== oldId) return n;
    return { ...n, id: n.id === oldId ? newId : n.id, ...(parentId ? { parentId } : {}), data: { ...n.data, step, branches } };
  });
}
