import { outcomesOf } from './outcomes';
import { groupNodeId, isGroupNode, isStepNode, TRIGGER_NODE_ID, type GraphEdge, type GraphNode } from './types';

export const START_HANDLE = 'start';

/**
 * Edges are not stored: they are read from the steps (nextStepId, selectNextStep, do), so what the
 * canvas draws is always exactly what the definition says.
 */
export function deriveEdges(nodes: GraphNode[]): GraphEdge[] {
  const ids = new Set(nodes.map((n) => n.id));
  const groupCount = new Map<string, number>();
  for (const n of nodes) if (isGroupNode(n)) groupCount.set(n.data.ifId as string, (groupCount.get(n.data.ifId as string) ?? 0) + 1);
  const edges: GraphEdge[] = [];
  const first = nodes.find((n) => isStepNode(n) && !n.parentId);
  if (first && ids.has(TRIGGER_NODE_ID)) {
    edges.push({ id: `${TRIGGER_NODE_ID}|${START_HANDLE}`, source: TRIGGER_NODE_ID, sourceHandle: START_HANDLE, target: first.id, data: { kind: 'start' } });
  }
  for (const n of nodes) {
    if (!isStepNode(n)) continue;
    for (const o of outcomesOf(n.data, groupCount.get(n.id) ?? 0)) {
      const target = o.kind === 'do' ? groupNodeId(n.id, Number(o.handle.slice(3))) : o.target;
      if (!target || !ids.has(target)) continue;
      edges.push({
        id: `${n.id}|${o.handle}`,
        source: n.id,
        sourceHandle: o.handle,
        target,
        label: o.kind === 'branch' ? o.label : undefined,
        deletable: o.kind !== 'do',
        data: { kind: o.kind, otherwise: o.otherwise },
      });
    }
  }
  return edges;
}
