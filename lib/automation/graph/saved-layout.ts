import { layoutGraph } from './layout-graph';
import { isGroupNode, type GraphNode } from './types';

/** Node positions as stored beside a version (lib/automation/workflows' WorkflowLayout). */
export type SavedLayout = Record<string, { x: number; y: number; width?: number; height?: number }>;

const round = (v: number) => Math.round(v * 10) / 10;

/** Where each node is drawn now (group boxes with their size), for storing beside the body. */
export function layoutOf(nodes: GraphNode[]): SavedLayout {
  const out: SavedLayout = {};
  for (const n of nodes) {
    const at = { x: round(n.position.x), y: round(n.position.y) };
    out[n.id] = isGroupNode(n) && n.width && n.height ? { ...at, width: round(n.width), height: round(n.height) } : at;
  }
  return out;
}

/**
 * The nodes placed where the user left them. All or nothing: when the saved layout misses a node
 * (no layout yet, or the steps were changed elsewhere, e.g. through the API) every node is laid out
 * afresh, since a mix of kept and computed positions would overlap.
 */
export function placeNodes(nodes: GraphNode[], saved: SavedLayout | null | undefined): GraphNode[] {
  if (!saved || !nodes.every((n) => saved[n.id])) return layoutGraph(nodes);
  return nodes.map((n) => {
    const s = saved[n.id]!;
    const position = { x: s.x, y: s.y };
    if (isGroupNode(n) && s.width && s.height)
      return { ...n, position, width: s.width, height: s.height, style: { ...(n.style ?? {}), width: s.width, height: s.height } };
    return { ...n, position };
  });
}
