import { newStepId } from './step-ids';
import { groupNodeId, isGroupNode, isStepNode, type GraphNode, type StepGraphNode } from './types';

export type Clipboard = { kind: 'parley-steps'; nodes: GraphNode[] };

/** The selected steps (an If with its groups and their steps) as a self-contained clipboard. */
export function copySteps(nodes: GraphNode[], ids: Iterable<string>): Clipboard {
  const keep = new Set(ids);
  for (const n of nodes) if (isGroupNode(n) && keep.has(n.data.ifId as string)) keep.add(n.id);
  for (const n of nodes) if (isStepNode(n) && n.parentId && keep.has(n.parentId)) keep.add(n.id);
  // A step copied without its group lands at the top level.
  const picked = nodes.filter((n) => keep.has(n.id) && n.type !== 'trigger');
  return {
    kind: 'parley-steps',
    nodes: picked.map((n) => {
      if (isStepNode(n) && n.parentId && !keep.has(n.parentId)) {
        const { parentId: _p, extent: _e, ...rest } = n;
        return { ...rest, position: { ...n.position } } as GraphNode;
      }
      return n;
    }),
  };
}

/**
 * Pastes a clipboard with fresh ids (chatappsmessage_0501 style). References between pasted steps
 * follow the renames; references to other steps are kept. Pasted nodes are offset and selected.
 */
export function pasteSteps(nodes: GraphNode[], clip: Clipboard, offset = { x: 40, y: 40 }): { nodes: GraphNode[]; ids: string[] } {
  const taken = new Set(nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const n of clip.nodes) {
    if (!isStepNode(n)) continue;
    const id = newStepId(n.data.step.stepType, taken);
    taken.add(id);
    rename.set(n.id, id);
  }
  const groupRename = new Map<string, string>();
  for (const n of clip.nodes)
    if (isGroupNode(n)) groupRename.set(n.id, groupNodeId(rename.get(n.data.ifId as string) ?? String(n.data.ifId), n.data.index as number));
  const map = (id: string | undefined) => (id && rename.get(id)) || id;
  const pasted: GraphNode[] = clip.nodes.map((n) => {
    if (isGroupNode(n)) {
      return {
        ...n,
        id: groupRename.get(n.id)!,
        data: { ...n.data, ifId: rename.get(n.data.ifId as string) ?? n.data.ifId },
        position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
        selected: false,
      };
    }
    const s = n as StepGraphNode;
    const step = { ...s.data.step, id: rename.get(s.id)! };
    if (step.nextStepId) step.nextStepId = map(step.nextStepId)!;
    const inGroup = s.parentId ? groupRename.get(s.parentId) : undefined;
    return {
      ...s,
      id: rename.get(s.id)!,
      selected: !inGroup,
      position: inGroup ? s.position : { x: s.position.x + offset.x, y: s.position.y + offset.y },
      ...(inGroup ? { parentId: inGroup } : {}),
      data: {
        ...s.data,
        step,
        branches: s.data.branches?.map((b) => ({ ...b, target: map(b.target) ?? '' })) ?? null,
        runState: undefined,
        problems: undefined,
      },
    } as GraphNode;
  });
  return { nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted], ids: [...rename.values()] };
}
