import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveEdges } from './derive-edges';
import { addStep, connectOutcome } from './edit-graph';
import { draftHasUnsavedPaths, draftOf, nodesOfDraft, readDraft, sameJson, sameWorkflow } from './editor-draft';
import { layoutGraph } from './layout-graph';
import { envelopeOf, nodesToWorkflow } from './nodes-to-workflow';
import { isStepNode, type GraphNode, type WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const load = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as WorkflowJson;

/** The greeting, then a WaitForReply and a Branch from the palette: one path connected, the others not yet. */
function halfBuilt() {
  const wf = load('chat-apps-auto-reply.json');
  let nodes = layoutGraph(workflowToNodes(wf));
  const wait = addStep(nodes, 'WaitForReply', { x: 400, y: 40 });
  const branch = addStep(wait.nodes, 'Branch', { x: 700, y: 220 });
  nodes = connectOutcome(branch.nodes, 'send_CA', 'next', wait.id);
  nodes = connectOutcome(nodes, wait.id, 'sel:0', branch.id);
  nodes = nodes.map((n) =>
    n.id === branch.id && isStepNode(n)
      ? { ...n, data: { ...n.data, branches: [...(n.data.branches ?? []), { target: '', condition: "{{data.x == 'menu'}}" }] } }
      : n,
  );
  const envelope = envelopeOf(wf);
  return {
    wf,
    nodes,
    envelope,
    workflow: { ...nodesToWorkflow(envelope, nodes), definition: { ...nodesToWorkflow(envelope, nodes).definition, name: 'Half built' } },
  };
}

/** What the canvas draws and edits from a node list: structure, paths, edges, positions, selection. */
const canvasOf = (nodes: GraphNode[]) => ({
  nodes: nodes.map((n) => ({
    id: n.id,
    type: n.type,
    position: n.position,
    selected: !!n.selected,
    data: n.data,
    parentId: 'parentId' in n ? n.parentId : undefined,
  })),
  edges: deriveEdges(nodes).map((e) => e.id),
});

describe('editor drafts', () => {
  it('restore exactly what was left: steps, every path (connected or not), edges, positions and selection', () => {
    const { nodes, workflow } = halfBuilt();
    const stored = JSON.stringify(draftOf(workflow, nodes, 1000));
    const back = nodesOfDraft(readDraft(stored)!);
    expect(canvasOf(back)).toEqual(canvasOf(nodes));
    // The unconnected paths are there: two on the WaitForReply (one connected), three on the Branch.
    const branches = back.filter(isStepNode).map((n) => (n.data.branches ?? []).length);
    expect(branches).toEqual([0, 2, 3]);
    expect(nodesToWorkflow(envelopeOf(workflow), back)).toEqual(workflow);
  });

  it('the 8x8 JSON alone would lose the unconnected paths (why the nodes are kept)', () => {
    const { nodes, workflow } = halfBuilt();
    const fromJson = nodesOfDraft({ savedAt: 1, workflow, layout: draftOf(workflow, nodes).layout });
    expect(canvasOf(fromJson)).not.toEqual(canvasOf(nodes));
    expect(fromJson.filter(isStepNode).map((n) => (n.data.branches ?? []).length)).toEqual([0, 1, 0]);
    expect(draftHasUnsavedPaths(draftOf(workflow, nodes))).toBe(true);
  });

  it('keeps If groups with their size and nested steps', () => {
    const wf = load('step-if.json');
    const nodes = layoutGraph(workflowToNodes(wf)).map((n, i) => ({ ...n, position: { x: n.position.x + i, y: n.position.y - 2 * i } }));
    const back = nodesOfDraft(readDraft(JSON.stringify(draftOf(wf, nodes)))!);
    expect(canvasOf(back)).toEqual(canvasOf(nodes));
    expect(back.filter((n) => n.type === 'doGroup').map((n) => [n.width, n.height])).toEqual(
      nodes.filter((n) => n.type === 'doGroup').map((n) => [n.width, n.height]),
    );
  });

  it('leaves React Flow and validation state out, and the selection when asked', () => {
    const { nodes, workflow } = halfBuilt();
    const noisy = nodes.map((n) => ({
      ...n,
      measured: { width: 1, height: 2 },
      dragging: false,
      data: isStepNode(n) ? { ...n.data, problems: ['x'], runState: 'visited' } : n.data,
    }));
    const draft = JSON.parse(JSON.stringify(draftOf(workflow, noisy as GraphNode[])));
    expect(JSON.stringify(draft.nodes)).not.toMatch(/measured|dragging|problems|runState/);
    expect(nodesOfDraft(draft, { selection: false }).some((n) => n.selected)).toBe(false);
    expect(
      nodesOfDraft(draft)
        .filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(nodes.filter((n) => n.selected).map((n) => n.id));
  });

  it('falls back to the JSON and its layout when the kept nodes do not make the workflow', () => {
    const { nodes, workflow } = halfBuilt();
    const draft = draftOf(workflow, nodes);
    const tampered = { ...draft, nodes: draft.nodes!.filter((n) => n.id !== 'send_CA') };
    const back = nodesOfDraft(tampered);
    expect(nodesToWorkflow(envelopeOf(workflow), back)).toEqual(workflow);
    expect(back.find((n) => n.id === 'send_CA')?.position).toEqual(nodes.find((n) => n.id === 'send_CA')!.position);
    expect(nodesOfDraft({ ...draft, nodes: [{ nope: 1 }] as never }).map((n) => n.id)).toEqual(back.map((n) => n.id));
  });

  it('reads only drafts', () => {
    expect(readDraft(null)).toBeNull();
    expect(readDraft('{')).toBeNull();
    expect(readDraft('{"savedAt":1}')).toBeNull();
    expect(readDraft(JSON.stringify({ savedAt: 1, workflow: { definition: { steps: [] } } }))).not.toBeNull();
  });

  it('compares workflows by content, not key order or status', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    const wf = load('menu-using-wait-for-reply.json');
    expect(sameWorkflow(wf, { ...wf, status: 'disabled' })).toBe(true);
    expect(sameWorkflow(wf, { ...wf, definition: { ...wf.definition, name: 'x' } })).toBe(false);
  });
});
