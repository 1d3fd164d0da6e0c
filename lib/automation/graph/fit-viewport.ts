import { nodeGeometry } from './node-geometry';
import { isTriggerNode, type GraphNode } from './types';

export type Viewport = { x: number; y: number; zoom: number };
export type ViewOptions = { width: number; height: number; padding: number; minZoom: number; maxZoom: number };

type Bounds = { x0: number; y0: number; x1: number; y1: number };

/** Each node's box in flow coordinates (a child of an If group is placed inside its group). */
function boxes(nodes: GraphNode[]): Map<string, Bounds> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const abs = (n: GraphNode): { x: number; y: number } => {
    const parent = 'parentId' in n && n.parentId ? byId.get(n.parentId) : undefined;
    if (!parent) return n.position;
    const p = abs(parent);
    return { x: p.x + n.position.x, y: p.y + n.position.y };
  };
  const out = new Map<string, Bounds>();
  for (const n of nodes) {
    const { x, y } = abs(n);
    const g = nodeGeometry(n);
    out.set(n.id, { x0: x, y0: y, x1: x + g.width, y1: y + g.height });
  }
  return out;
}

function union(list: Iterable<Bounds>): Bounds | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of list) [x0, y0, x1, y1] = [Math.min(x0, b.x0), Math.min(y0, b.y0), Math.max(x1, b.x1), Math.max(y1, b.y1)];
  return Number.isFinite(x0) ? { x0, y0, x1, y1 } : null;
}

/**
 * The whole graph, centred, when it fits at `minZoom` or closer; otherwise, at `minZoom`, its start
 * (the trigger is leftmost) rather than its middle, where nothing tells the reader where the
 * workflow begins. Computed from the laid-out nodes before anything is drawn (so the first render is
 * also the last, and only the nodes in view are rendered).
 */
export function fitViewport(nodes: GraphNode[], o: ViewOptions): Viewport {
  const b = union(boxes(nodes).values());
  if (!b || o.width <= 0 || o.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const [w, h] = [b.x1 - b.x0, b.y1 - b.y0];
  const usableW = o.width * (1 - 2 * o.padding);
  const usableH = o.height * (1 - 2 * o.padding);
  const fit = Math.min(usableW / Math.max(w, 1), usableH / Math.max(h, 1));
  const zoom = Math.min(Math.max(fit, o.minZoom), o.maxZoom);
  // Centred on an axis the graph fits on; on one it overflows, its start (left, top) at the margin.
  const x = w * zoom <= usableW ? o.width / 2 - (b.x0 + w / 2) * zoom : o.width * o.padding - b.x0 * zoom;
  const y = h * zoom <= usableH ? o.height / 2 - (b.y0 + h / 2) * zoom : o.height * o.padding - b.y0 * zoom;
  return { x, y, zoom };
}

/**
 * The view a workflow opens with: all of it when it fits at a zoom its text can be read at
 * (`readableZoom`); otherwise that zoom, around the trigger — the graph's start at the left margin,
 * the trigger's row in the middle — and the minimap and "Fit view" show the rest. Fitting a
 * six-step menu into a 1280 px screen drew its text at 7 px.
 */
export function openingViewport(nodes: GraphNode[], o: ViewOptions & { readableZoom: number }): Viewport {
  const all = fitViewport(nodes, o);
  if (all.zoom >= o.readableZoom || o.width <= 0 || o.height <= 0) return all;
  const list = boxes(nodes);
  const b = union(list.values())!;
  const trigger = nodes.find(isTriggerNode);
  const t = (trigger && list.get(trigger.id)) ?? b;
  const zoom = o.readableZoom;
  const [w, h] = [b.x1 - b.x0, b.y1 - b.y0];
  const x = w * zoom <= o.width * (1 - 2 * o.padding) ? o.width / 2 - (b.x0 + w / 2) * zoom : o.width * o.padding - b.x0 * zoom;
  const around = o.height / 2 - ((t.y0 + t.y1) / 2) * zoom;
  // Around the trigger, but no empty space above the graph's top or below its bottom.
  const top = o.height * o.padding - b.y0 * zoom;
  const bottom = o.height * (1 - o.padding) - b.y1 * zoom;
  const y = h * zoom <= o.height * (1 - 2 * o.padding) ? o.height / 2 - (b.y0 + h / 2) * zoom : Math.min(top, Math.max(bottom, around));
  return { x, y, zoom };
}
