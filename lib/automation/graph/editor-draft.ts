import { envelopeOf, nodesToWorkflow } from './nodes-to-workflow';
import { layoutOf, placeNodes, type SavedLayout } from './saved-layout';
import { isGroupNode, isStepNode, isTriggerNode, type GraphNode, type WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

/**
 * What the editor keeps in the browser while a workflow has changes the server does not have.
 *
 * The 8x8 JSON alone cannot hold the canvas: a Branch or WaitForReply path that is not connected yet
 * has no place in `selectNextStep` (it is keyed by the target step), so a draft kept as that JSON came
 * back without those paths. The draft therefore keeps the canvas nodes themselves (each step with all
 * its paths, every position, the selection), and the JSON beside them to compare with the server's copy.
 */
export type EditorDraft = {
  savedAt: number;
  /** The draft as the server would get it (name included). */
  workflow: WorkflowJson;
  layout?: SavedLayout;
  /** The canvas as it was left; absent in drafts kept before it was (they restore from the JSON). */
  nodes?: GraphNode[];
};

/** The node fields that are the canvas's own state; React Flow's (measured, dragging…) and the drawn problems stay out. */
function keptNode(n: GraphNode): GraphNode {
  const base = { id: n.id, type: n.type, position: { x: n.position.x, y: n.position.y }, ...(n.selected ? { selected: true } : {}) };
  if (isTriggerNode(n)) return { ...base, type: 'trigger', data: { trigger: n.data.trigger, subAccountId: n.data.subAccountId } };
  if (isGroupNode(n))
    return {
      ...base,
      type: 'doGroup',
      data: { ifId: n.data.ifId, index: n.data.index },
      ...(n.width ? { width: n.width } : {}),
      ...(n.height ? { height: n.height } : {}),
      ...(n.style ? { style: n.style } : {}),
      ...(n.zIndex !== undefined ? { zIndex: n.zIndex } : {}),
    };
  const { step, branches, doCount } = n.data;
  return {
    ...base,
    data: {
      step,
      branches: branches ? branches.map((b) => ({ target: b.target, condition: b.condition })) : null,
      ...(doCount !== undefined ? { doCount } : {}),
    },
    ...(n.parentId ? { parentId: n.parentId, extent: 'parent' as const } : {}),
  };
}

/** The draft of a canvas: its nodes as they are, the workflow they make, and their positions. */
export function draftOf(workflow: WorkflowJson, nodes: GraphNode[], savedAt = Date.now()): EditorDraft {
  return { savedAt, workflow, layout: layoutOf(nodes), nodes: nodes.map(keptNode) };
}

/** Deep equality of JSON values, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameJson(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The same workflow, leaving aside its enabled/disabled status (changed apart from drafts). */
export function sameWorkflow(a: WorkflowJson, b: WorkflowJson): boolean {
  const { status: _a, ...x } = a;
  const { status: _b, ...y } = b;
  return sameJson(x, y);
}

function looksLikeNodes(v: unknown): v is GraphNode[] {
  return (
    Array.isArray(v) &&
    v.every((n) => n && typeof n === 'object' && typeof n.id === 'string' && typeof n.type === 'string' && n.position && typeof n.data === 'object')
  );
}

/**
 * The canvas a draft restores: its own nodes when they still make its workflow (a draft written by
 * this editor), else the workflow laid out from its positions (an older draft, or one that was
 * tampered with). `selection: false` restores everything but which nodes were selected.
 */
export function nodesOfDraft(draft: EditorDraft, opts: { selection?: boolean } = {}): GraphNode[] {
  const nodes = looksLikeNodes(draft.nodes) ? draft.nodes.map(keptNode) : null;
  let out: GraphNode[];
  try {
    out =
      nodes && sameJson(nodesToWorkflow(envelopeOf(draft.workflow), nodes), draft.workflow) ? nodes : placeNodes(workflowToNodes(draft.workflow), draft.layout);
  } catch {
    out = placeNodes(workflowToNodes(draft.workflow), draft.layout);
  }
  return opts.selection === false ? out.map((n) => (n.selected ? { ...n, selected: false } : n)) : out;
}

/** Whether a draft holds something its workflow JSON cannot: a path not connected to a step yet. */
export function draftHasUnsavedPaths(draft: EditorDraft): boolean {
  return (draft.nodes ?? []).some((n) => isStepNode(n) && (n.data.branches ?? []).some((b) => !b.target));
}

/** A draft read back from storage, or null when it is not one. */
export function readDraft(raw: string | null): EditorDraft | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as EditorDraft;
    if (!v || typeof v.savedAt !== 'number' || !v.workflow || typeof v.workflow !== 'object' || !Array.isArray(v.workflow.definition?.steps)) return null;
    return v;
  } catch {
    return null;
  }
}
