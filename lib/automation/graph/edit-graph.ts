import { START_HANDLE } from './derive-edges';
import { NEXT_HANDLE } from './outcomes';
import { newStep, type CatalogStepType } from './step-catalog';
import { newStepId, stepIdsOf } from './step-ids';
import { groupNodeId, isGroupNode, isStepNode, TRIGGER_NODE_ID, type GraphNode, type StepGraphNode, type XY } from './types';
import { nodeTypeFor } from './workflow-to-nodes';

function updateStep(nodes: GraphNode[], id: string, fn: (n: StepGraphNode) => StepGraphNode): GraphNode[] {
  return nodes.map((n) => (n.id === id && isStepNode(n) ? fn(n) : n));
}

/** Points one outcome of a step (or the trigger's start) at a target step; null clears it. */
export function connectOutcome(nodes: GraphNode[], sourceId: string, handle: string, targetId: string | null): GraphNode[] {
  if (sourceId === TRIGGER_NODE_ID && handle === START_HANDLE) {
    // The entry step is the first step of the definition: connecting the trigger moves it first.
    if (!targetId) return nodes;
    const target = nodes.find((n) => n.id === targetId);
    if (!target || !isStepNode(target) || target.parentId) return nodes;
    const rest = nodes.filter((n) => n.id !== targetId);
    const at = rest.findIndex((n) => isStepNode(n) && !n.parentId);
    return at < 0 ? [...rest, target] : [...rest.slice(0, at), target, ...rest.slice(at)];
  }
  return updateStep(nodes, sourceId, (n) => {
    if (handle === NEXT_HANDLE) {
      const { nextStepId: _old, ...step } = n.data.step;
      return { ...n, data: { ...n.data, step: targetId ? { ...step, nextStepId: targetId } : step } };
    }
    if (handle.startsWith('sel:') && n.data.branches) {
      const i = Number(handle.slice(4));
      return { ...n, data: { ...n.data, branches: n.data.branches.map((b, j) => (j === i ? { ...b, target: targetId ?? '' } : b)) } };
    }
    return n;
  });
}

/** Adds a step from the palette at a position (inside an If's group when groupId is given). */
export function addStep(nodes: GraphNode[], type: CatalogStepType, position: XY, groupId?: string): { nodes: GraphNode[]; id: string } {
  const id = newStepId(type, new Set(nodes.map((n) => n.id)));
  const { step, branches } = newStep(type, id);
  const doCount = type === 'If' ? { doCount: 1 } : {};
  const node: GraphNode = {
    id,
    type: nodeTypeFor(type),
    position,
    data: { step, branches, ...doCount },
    selected: true,
    ...(groupId ? { parentId: groupId, extent: 'parent' as const } : {}),
  };
  const added: GraphNode[] = [node];
  if (type === 'If')
    added.push({
      id: groupNodeId(id, 0),
      type: 'doGroup',
      position: { x: position.x + 300, y: position.y },
      data: { ifId: id, index: 0 },
      width: 292,
      height: 72,
      style: { width: 292, height: 72 },
    });
  return { nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...added], id };
}

/**
 * Removes steps (an If takes its "do" groups and their steps along) and clears every reference to
 * them, so no outcome points at a step that is gone.
 */
export function removeSteps(nodes: GraphNode[], ids: Iterable<string>): GraphNode[] {
  const gone = new Set([...ids].filter((id) => id !== TRIGGER_NODE_ID));
  for (const n of nodes) if (isGroupNode(n) && gone.has(n.data.ifId as string)) gone.add(n.id);
  for (const n of nodes) if (isStepNode(n) && n.parentId && gone.has(n.parentId)) gone.add(n.id);
  return nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => {
      if (!isStepNode(n)) return n;
      const points = n.data.step.nextStepId && gone.has(n.data.step.nextStepId);
      const branchHit = n.data.branches?.some((b) => gone.has(b.target));
      if (!points && !branchHit) return n;
      const { nextStepId, ...rest } = n.data.step;
      return {
        ...n,
        data: {
          ...n.data,
          step: points ? rest : { ...rest, nextStepId },
          branches: branchHit ? n.data.branches!.map((b) => (gone.has(b.target) ? { ...b, target: '' } : b)) : n.data.branches,
        },
      } as StepGraphNode;
    });
}

export function stepCount(nodes: GraphNode[]): number {
  return stepIdsOf(nodes).size;
}

/** Adds another "do" sequence (an empty group) to an If. */
export function addDoSequence(nodes: GraphNode[], ifId: string): GraphNode[] {
  const groups = nodes.filter((n) => isGroupNode(n) && n.data.ifId === ifId);
  const index = groups.length;
  const anchor = groups.at(-1) ?? nodes.find((n) => n.id === ifId);
  if (!anchor) return nodes;
  const y = anchor.position.y + ((anchor as { height?: number }).height ?? 80) + 24;
  const group: GraphNode = {
    id: groupNodeId(ifId, index),
    type: 'doGroup',
    position: { x: anchor.position.x, y },
    data: { ifId, index },
    width: 292,
    height: 72,
    style: { width: 292, height: 72 },
  };
  return [...nodes.map((n) => (n.id === ifId && isStepNode(n) ? { ...n, data: { ...n.data, doCount: index + 1 } } : n)), group];
}
