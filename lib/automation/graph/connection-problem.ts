import { isStepNode, TRIGGER_NODE_ID, type GraphNode } from './types';

export type Connection = { source: string | null; target: string | null; sourceHandle: string | null | undefined };

/**
 * Why a connection drawn on the canvas may not be made: a message to show, '' to ignore it quietly
 * (it does not end on a step), or null when it may be made.
 */
export function connectionProblem(nodes: readonly GraphNode[], c: Connection): string | null {
  if (!c.source || !c.target || !c.sourceHandle) return '';
  const target = nodes.find((n) => n.id === c.target);
  if (!target || !isStepNode(target)) return '';
  if (c.source === c.target) return 'A step cannot lead to itself here; use a Jump to step for loops';
  const source = nodes.find((n) => n.id === c.source);
  const handle = c.sourceHandle;
  if (source && isStepNode(source) && handle.startsWith('sel:') && source.data.branches?.some((b, i) => b.target === c.target && `sel:${i}` !== handle)) {
    return `Another path of ${c.source} already goes to ${c.target}`;
  }
  if (c.source === TRIGGER_NODE_ID && target.parentId) return 'The workflow must start with a top-level step';
  return null;
}
