import dagre from '@dagrejs/dagre';
import { deriveEdges } from './derive-edges';
import { fastLayout } from './fast-layout';
import { EMPTY_GROUP, GROUP_HEADER, GROUP_PAD, NODE_WIDTH, stepNodeHeight } from './node-size';
import { isGroupNode, type GraphNode } from './types';

type Size = { width: number; height: number };

// Above this many nodes dagre's crossing minimisation takes seconds; a linear layered layout is used.
const LARGE_GRAPH = 120;

function runDagre(ids: string[], sizes: Map<string, Size>, edges: Array<[string, string]>, opts: { nodesep: number; ranksep: number }) {
  if (ids.length > LARGE_GRAPH) return fastLayout(ids, sizes, edges, opts);
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: opts.nodesep, ranksep: opts.ranksep, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) g.setNode(id, { ...sizes.get(id)! });
  for (const [s, t] of edges) if (s !== t && g.hasNode(s) && g.hasNode(t)) g.setEdge(s, t);
  dagre.layout(g);
  const pos = new Map<string, { x: number; y: number }>();
  for (const id of ids) {
    const n = g.node(id);
    const size = sizes.get(id)!;
    pos.set(id, { x: n.x - size.width / 2, y: n.y - size.height / 2 });
  }
  return pos;
}

/**
 * Left-to-right auto-layout with dagre. Each If "do" sequence is laid out inside its group first,
 * which gives the group's size; then the top level (trigger, steps, groups) is laid out, with edges
 * into or out of a group's children counted as edges of the group.
 */
export function layoutGraph(nodes: GraphNode[]): GraphNode[] {
  const edges = deriveEdges(nodes);
  const doCount = new Map<string, number>();
  for (const n of nodes) if (isGroupNode(n)) doCount.set(n.data.ifId as string, (doCount.get(n.data.ifId as string) ?? 0) + 1);
  const sizes = new Map<string, Size>();
  const parentOf = new Map<string, string>();
  for (const n of nodes) {
    if (isGroupNode(n)) continue;
    sizes.set(n.id, { width: NODE_WIDTH, height: stepNodeHeight(n, doCount.get(n.id) ?? 0) });
    if ('parentId' in n && n.parentId) parentOf.set(n.id, n.parentId);
  }

  const positions = new Map<string, { x: number; y: number }>();
  for (const group of nodes.filter((n) => isGroupNode(n))) {
    const children = nodes.filter((n) => 'parentId' in n && n.parentId === group.id).map((n) => n.id);
    if (children.length === 0) {
      sizes.set(group.id, { ...EMPTY_GROUP });
      continue;
    }
    const inner = runDagre(
      children,
      sizes,
      edges.filter((e) => parentOf.get(e.source) === group.id && parentOf.get(e.target) === group.id).map((e) => [e.source, e.target]),
      { nodesep: 24, ranksep: 48 },
    );
    let maxX = 0;
    let maxY = 0;
    for (const id of children) {
      const p = inner.get(id)!;
      const s = sizes.get(id)!;
      positions.set(id, { x: p.x + GROUP_PAD, y: p.y + GROUP_PAD + GROUP_HEADER });
      maxX = Math.max(maxX, p.x + s.width);
      maxY = Math.max(maxY, p.y + s.height);
    }
    sizes.set(group.id, { width: maxX + 2 * GROUP_PAD, height: maxY + 2 * GROUP_PAD + GROUP_HEADER });
  }

  const top = nodes.filter((n) => !('parentId' in n && n.parentId)).map((n) => n.id);
  const lift = (id: string) => parentOf.get(id) ?? id;
  const outer = runDagre(
    top,
    sizes,
    edges.map((e) => [lift(e.source), lift(e.target)]),
    { nodesep: 36, ranksep: 90 },
  );
  for (const [id, p] of outer) positions.set(id, p);

  return nodes.map((n) => {
    const position = positions.get(n.id) ?? n.position;
    if (isGroupNode(n)) {
      const size = sizes.get(n.id)!;
      return { ...n, position, width: size.width, height: size.height, style: { ...(n.style ?? {}), width: size.width, height: size.height } };
    }
    return { ...n, position };
  });
}
