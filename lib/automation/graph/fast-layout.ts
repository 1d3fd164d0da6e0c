// A linear-time layered layout for large workflows, where dagre's crossing minimisation costs
// seconds: columns by distance from the entry (breadth-first), rows in discovery order, each node
// placed level with its parent when the column has room. Menus and trees come out readable.

type Size = { width: number; height: number };

export function fastLayout(
  ids: string[],
  sizes: Map<string, Size>,
  edges: Array<[string, string]>,
  opts: { nodesep: number; ranksep: number },
): Map<string, { x: number; y: number }> {
  const out = new Map<string, string[]>();
  const indeg = new Map<string, number>();
  for (const id of ids) out.set(id, []);
  for (const [s, t] of edges) {
    if (s === t || !out.has(s) || !out.has(t)) continue;
    out.get(s)!.push(t);
    indeg.set(t, (indeg.get(t) ?? 0) + 1);
  }
  const rank = new Map<string, number>();
  const parent = new Map<string, string>();
  const order: string[] = [];
  const roots = ids.filter((id) => !indeg.get(id));
  for (const start of [...roots, ...ids]) {
    if (rank.has(start)) continue;
    rank.set(start, 0);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i]!;
      order.push(id);
      for (const t of out.get(id)!) {
        if (rank.has(t)) continue;
        rank.set(t, rank.get(id)! + 1);
        parent.set(t, id);
        queue.push(t);
      }
    }
  }
  const colX: number[] = [];
  for (const id of order) {
    const r = rank.get(id)!;
    colX[r] = Math.max(colX[r] ?? 0, sizes.get(id)!.width);
  }
  const xOf: number[] = [];
  let x = 0;
  for (let r = 0; r < colX.length; r++) {
    xOf[r] = x;
    x += (colX[r] ?? 0) + opts.ranksep;
  }
  const nextFree: number[] = [];
  const pos = new Map<string, { x: number; y: number }>();
  for (const id of order) {
    const r = rank.get(id)!;
    const p = parent.get(id);
    const want = p ? pos.get(p)!.y : 0;
    const y = Math.max(want, nextFree[r] ?? 0);
    pos.set(id, { x: xOf[r]!, y });
    nextFree[r] = y + sizes.get(id)!.height + opts.nodesep;
  }
  return pos;
}
