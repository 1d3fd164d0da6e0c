import { START_HANDLE } from './derive-edges';
import { addStep, connectOutcome } from './edit-graph';
import { growGroup } from './grow-group';
import { nodeGeometry } from './node-geometry';
import { INPUT_HANDLE_Y, NODE_BORDER, NODE_HEADER, NODE_WIDTH, OUTCOME_ROW, TRIGGER_HEIGHT } from './node-size';
import { NEXT_HANDLE, outcomesOf } from './outcomes';
import { isBranchOnly, type CatalogStepType } from './step-catalog';
import { isGroupNode, isStepNode, isTriggerNode, TRIGGER_NODE_ID, type GraphNode, type StepGraphNode, type XY } from './types';

// Where a step clicked in the palette goes. It used to land in the middle of the view, which is
// where the canvas opens on the trigger: on top of the trigger and of whatever was there. Now it
// goes after the selected step (and is connected to it), or with nothing selected, at a free place
// in view; never on top of another node.

export type Rect = { x: number; y: number; width: number; height: number };

/** Space kept between nodes (the layout's gap between columns, and a little between rows). */
const GAP_X = 90;
const GAP_Y = 24;
/** A new If brings its first "do" group along, drawn this far to its right (see addStep). */
const IF_GROUP = { dx: 300, width: 292, height: 72 };

type Footprint = { width: number; height: number };

function footprintOf(node: GraphNode, type: CatalogStepType): Footprint {
  const g = nodeGeometry(node);
  return type === 'If' ? { width: IF_GROUP.dx + IF_GROUP.width, height: Math.max(g.height, IF_GROUP.height) } : g;
}

/** The boxes of the nodes drawn in one coordinate space: the top level, or one If group's inside. */
function obstacles(nodes: GraphNode[], parentId: string | undefined, except: ReadonlySet<string>): Rect[] {
  return nodes.filter((n) => !except.has(n.id) && ('parentId' in n ? n.parentId : undefined) === parentId).map((n) => ({ ...n.position, ...nodeGeometry(n) }));
}

const hits = (r: Rect, list: Rect[]) =>
  list.find((o) => r.x < o.x + o.width + GAP_Y && o.x < r.x + r.width + GAP_Y && r.y < o.y + o.height + GAP_Y && o.y < r.y + r.height + GAP_Y);

/** The first place at or below `want` where a footprint covers no node. */
function freeBelow(want: XY, size: Footprint, list: Rect[]): XY {
  const at = { ...want };
  for (let i = 0; i < 500; i++) {
    const blocker = hits({ ...at, ...size }, list);
    if (!blocker) return at;
    at.y = blocker.y + blocker.height + GAP_Y;
  }
  return at;
}

function place(nodes: GraphNode[], id: string, position: XY): GraphNode[] {
  return nodes.map((n) => {
    if (n.id === id) return { ...n, position };
    if (isGroupNode(n) && n.data.ifId === id && n.data.index === 0) return { ...n, position: { x: position.x + IF_GROUP.dx, y: position.y } };
    return n;
  });
}

/** The outcome of `from` a new step is connected to: its first free path, else its next step (the new step goes in between). */
function outletOf(from: GraphNode): { handle: string; row: number; insertBefore: string | null } | null {
  if (isTriggerNode(from)) return { handle: START_HANDLE, row: -1, insertBefore: null };
  if (!isStepNode(from)) return null;
  const outs = outcomesOf(from.data).filter((o) => o.kind !== 'do');
  const free = outs.findIndex((o) => !o.target);
  if (free >= 0) return { handle: outs[free]!.handle, row: outcomesOf(from.data).indexOf(outs[free]!), insertBefore: null };
  const next = outs.find((o) => o.handle === NEXT_HANDLE);
  return next ? { handle: NEXT_HANDLE, row: outcomesOf(from.data).indexOf(next), insertBefore: next.target } : null;
}

/**
 * Adds a step after `afterId` (a step or the trigger): to its right, level with the outcome that
 * leads to it, and connected through that outcome — the first path or next step not connected yet;
 * when all are, the new step goes between the step and its next one. A step inside an If's "do"
 * sequence gets its new neighbour in the same sequence.
 */
export function addStepAfter(nodes: GraphNode[], type: CatalogStepType, afterId: string): { nodes: GraphNode[]; id: string } {
  const from = nodes.find((n) => n.id === afterId);
  if (!from || isGroupNode(from)) return addStepInView(nodes, type, null);
  const parentId = isStepNode(from) ? from.parentId : undefined;
  const added = addStep(nodes, type, { x: 0, y: 0 }, parentId);
  const node = added.nodes.find((n) => n.id === added.id)!;
  const outlet = outletOf(from);
  const rowY = outlet && outlet.row >= 0 ? NODE_BORDER + NODE_HEADER + outlet.row * OUTCOME_ROW + OUTCOME_ROW / 2 : TRIGGER_HEIGHT / 2;
  const want = { x: from.position.x + NODE_WIDTH + GAP_X, y: from.position.y + rowY - INPUT_HANDLE_Y };
  const at = freeBelow(want, footprintOf(node, type), obstacles(added.nodes, parentId, new Set([added.id, `${added.id}::do0`])));
  let out = place(added.nodes, added.id, at);
  if (parentId) out = growGroup(out, parentId);
  if (!outlet) return { nodes: out, id: added.id };

  const hasNext = !isBranchOnly(type);
  if (from.id === TRIGGER_NODE_ID) {
    // The trigger leads to the first step: the new step becomes it, and leads on to the old one.
    const first = nodes.find((n): n is StepGraphNode => isStepNode(n) && !n.parentId);
    if (!first) return { nodes: out, id: added.id };
    if (!hasNext) return { nodes: out, id: added.id };
    out = connectOutcome(out, TRIGGER_NODE_ID, START_HANDLE, added.id);
    return { nodes: connectOutcome(out, added.id, NEXT_HANDLE, first.id), id: added.id };
  }
  if (outlet.insertBefore && !hasNext) return { nodes: out, id: added.id };
  out = connectOutcome(out, from.id, outlet.handle, added.id);
  if (outlet.insertBefore) out = connectOutcome(out, added.id, NEXT_HANDLE, outlet.insertBefore);
  return { nodes: out, id: added.id };
}

/**
 * Adds a step at a free place in `view` (flow coordinates), as near its middle as there is room;
 * when the view has none, to the right of the whole graph (the editor then brings it into view).
 */
export function addStepInView(nodes: GraphNode[], type: CatalogStepType, view: Rect | null): { nodes: GraphNode[]; id: string } {
  const added = addStep(nodes, type, { x: 0, y: 0 });
  const node = added.nodes.find((n) => n.id === added.id)!;
  const size = footprintOf(node, type);
  const list = obstacles(added.nodes, undefined, new Set([added.id, `${added.id}::do0`]));
  let best: XY | null = null;
  if (view && view.width > 0 && view.height > 0) {
    const margin = 16;
    const centre = { x: view.x + view.width / 2 - size.width / 2, y: view.y + view.height / 2 - size.height / 2 };
    const candidates: XY[] = [];
    // About 80 × 60 places to try, however far the view is zoomed out.
    const step = Math.max(15, view.width / 80, view.height / 60);
    for (let y = view.y + margin; y + size.height <= view.y + view.height - margin; y += step)
      for (let x = view.x + margin; x + size.width <= view.x + view.width - margin; x += step) candidates.push({ x, y });
    candidates.sort((a, b) => Math.hypot(a.x - centre.x, a.y - centre.y) - Math.hypot(b.x - centre.x, b.y - centre.y));
    best = candidates.find((c) => !hits({ ...c, ...size }, list)) ?? null;
  }
  if (!best) {
    const right = list.reduce((m, r) => Math.max(m, r.x + r.width), -Infinity);
    const trigger = nodes.find(isTriggerNode);
    best = freeBelow({ x: Number.isFinite(right) ? right + GAP_X : 0, y: trigger?.position.y ?? 0 }, size, list);
  }
  return { nodes: place(added.nodes, added.id, best), id: added.id };
}
