import { NODE_WIDTH } from './node-size';
import { isGroupNode, isStepNode, type GraphNode } from './types';

/** Makes an If's group large enough for its steps after one is dropped in. */
export function growGroup(nodes: GraphNode[], groupId: string): GraphNode[] {
  let w = 0;
  let h = 0;
  for (const n of nodes) {
    if (isStepNode(n) && n.parentId === groupId) {
      w = Math.max(w, n.position.x + NODE_WIDTH + 16);
      h = Math.max(h, n.position.y + 140);
    }
  }
  return nodes.map((n) => {
    if (n.id !== groupId || !isGroupNode(n)) return n;
    const width = Math.max(n.width ?? 0, w);
    const height = Math.max(n.height ?? 0, h);
    return { ...n, width, height, style: { ...(n.style ?? {}), width, height } };
  });
}
