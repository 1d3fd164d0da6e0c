import { nodeGeometry } from './node-geometry';
import type { GraphNode } from './types';

export type Viewport = { x: number; y: number; zoom: number };
export type ViewOptions = { width: number; height: number; padding: number; minZoom: number; maxZoom: number };

/**
 * The view a workflow opens with, computed from the laid-out nodes before anything is drawn (so the
 * first render is also the last, and only the nodes in view are rendered). The whole graph, centred,
 * when it fits at `minZoom` or closer; otherwise, at `minZoom`, its start (the trigger is leftmost)
 * rather than its middle, where nothing tells the reader where the workflow begins.
 */
export function fitViewport(nodes: GraphNode[], o: ViewOptions): Viewport {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const abs = (n: GraphNode): { x: number; y: number } => {
    const parent = 'parentId' in n && n.parentId ? byId.get(n.parentId) : undefined;
    if (!parent) return n.position;
    const p = abs(parent);
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    const { x, y } = abs(n);
    const g = nodeGeometry(n);
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + g.width), Math.max(y1, y + g.height)];
  }
  if (!Number.isFinite(x0) || o.width <= 0 || o.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const [w, h] = [x1 - x0, y1 - y0];
  const usableW = o.width * (1 - 2 * o.padding);
  const usableH = o.height * (1 - 2 * o.padding);
  const fit = Math.min(usableW / Math.max(w, 1), usableH / Math.max(h, 1));
  const zoom = Math.min(Math.max(fit, o.minZoom), o.maxZoom);
  // Centred on an axis the graph fits on; on one it overflows, its start (left, top) at the margin.
  const x = w * zoom <= usableW ? o.width / 2 - (x0 + w / 2) * zoom : o.width * o.padding - x0 * zoom;
  const y = h * zoom <= usableH ? o.height / 2 - (y0 + h / 2) * zoom : o.height * o.padding - y0 * zoom;
  return { x, y, zoom };
}
