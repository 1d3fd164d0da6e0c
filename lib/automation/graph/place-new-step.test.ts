import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveEdges } from './derive-edges';
import { layoutGraph } from './layout-graph';
import { nodeGeometry } from './node-geometry';
import { nodesToSteps } from './nodes-to-workflow';
import { addStepAfter, addStepInView, type Rect } from './place-new-step';
import { isStepNode, TRIGGER_NODE_ID, type GraphNode, type WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const load = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as WorkflowJson;
const empty = () => layoutGraph(workflowToNodes({ trigger: 'inbound_chat_apps', subAccountId: 'acme_corp', definition: { name: 'x', steps: [] } }));

const boxOf = (nodes: GraphNode[], id: string): Rect => {
  const n = nodes.find((x) => x.id === id)!;
  const parent = 'parentId' in n && n.parentId ? nodes.find((x) => x.id === n.parentId)! : null;
  return { x: n.position.x + (parent?.position.x ?? 0), y: n.position.y + (parent?.position.y ?? 0), ...nodeGeometry(n) };
};
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** No two nodes of the same level cover each other (a group holds its own steps, so those are left out). */
function expectNoOverlaps(nodes: GraphNode[]) {
  const top = nodes.filter((n) => !('parentId' in n && n.parentId));
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++) expect(overlap(boxOf(nodes, top[i]!.id), boxOf(nodes, top[j]!.id)), `${top[i]!.id} / ${top[j]!.id}`).toBe(false);
}

const edge = (nodes: GraphNode[], id: string) => deriveEdges(nodes).find((e) => e.id === id)?.target;

describe('placing a step clicked in the palette', () => {
  it('after the selected step: to its right, connected through its first free outcome', () => {
    let nodes = empty();
    const first = addStepInView(nodes, 'ChatAppsMessage', { x: -200, y: -200, width: 1200, height: 800 });
    nodes = first.nodes;
    const wait = addStepAfter(nodes, 'WaitForReply', first.id);
    nodes = wait.nodes;
    expect(edge(nodes, `${first.id}|next`)).toBe(wait.id);
    expect(boxOf(nodes, wait.id).x).toBeGreaterThan(boxOf(nodes, first.id).x + boxOf(nodes, first.id).width);
    // A WaitForReply's reply path, then its timeout path, then its "no match" next step.
    const ids = ['Branch', 'SMS', 'Wait'].map((t) => {
      const r = addStepAfter(nodes, t as 'Branch', wait.id);
      nodes = r.nodes;
      return r.id;
    });
    expect([edge(nodes, `${wait.id}|sel:0`), edge(nodes, `${wait.id}|sel:1`), edge(nodes, `${wait.id}|next`)]).toEqual(ids);
    for (const id of ids) expect(boxOf(nodes, id).x).toBeGreaterThan(boxOf(nodes, wait.id).x);
    expectNoOverlaps(nodes);
    // Every outcome taken: the next one goes between the step and its next step.
    const between = addStepAfter(nodes, 'HttpRequest', wait.id);
    nodes = between.nodes;
    expect(edge(nodes, `${wait.id}|next`)).toBe(between.id);
    expect(edge(nodes, `${between.id}|next`)).toBe(ids[2]);
    expectNoOverlaps(nodes);
  });

  it('after the trigger: the new step becomes the first and leads on to the old first step', () => {
    const wf = load('chat-apps-auto-reply.json');
    const r = addStepAfter(layoutGraph(workflowToNodes(wf)), 'Wait', TRIGGER_NODE_ID);
    expect(nodesToSteps(r.nodes).map((s) => [s.id, s.nextStepId])).toEqual([
      [r.id, 'send_CA'],
      ['send_CA', undefined],
    ]);
    expectNoOverlaps(r.nodes);
  });

  it('after a step of a laid-out graph, never on top of the nodes already there', () => {
    let nodes = layoutGraph(workflowToNodes(load('menu-using-wait-for-reply.json')));
    for (const after of ['Hello', 'success', 'branch3', 'failure', 'branch3']) {
      const r = addStepAfter(nodes, 'SMS', after);
      nodes = r.nodes;
      expectNoOverlaps(nodes);
    }
  });

  it('inside an If sequence: the new step joins the sequence, connected, and the group grows around it', () => {
    const nodes = layoutGraph(workflowToNodes(load('step-if.json')));
    const inner = nodes.find((n) => isStepNode(n) && n.parentId)!;
    const r = addStepAfter(nodes, 'SMS', inner.id);
    const added = r.nodes.find((n) => n.id === r.id)!;
    expect('parentId' in added && added.parentId).toBe('parentId' in inner && inner.parentId);
    expect(edge(r.nodes, `${inner.id}|next`)).toBe(r.id);
    const group = r.nodes.find((n) => n.id === ('parentId' in inner ? inner.parentId : ''))!;
    expect(added.position.x + 260).toBeLessThanOrEqual(group.width!);
  });

  it('with nothing selected: in view, clear of the trigger and every step', () => {
    let nodes = layoutGraph(workflowToNodes(load('menu-using-wait-for-reply.json')));
    const view = { x: -100, y: -300, width: 1400, height: 900 };
    for (const t of ['SMS', 'If', 'Wait', 'Branch'] as const) {
      const r = addStepInView(nodes, t, view);
      nodes = r.nodes;
      const b = boxOf(nodes, r.id);
      expect(b.x >= view.x && b.y >= view.y && b.x + b.width <= view.x + view.width && b.y + b.height <= view.y + view.height, t).toBe(true);
      expectNoOverlaps(nodes);
    }
    // A view with no room left: to the right of the graph.
    const full = addStepInView(nodes, 'SMS', { x: 0, y: 0, width: 200, height: 100 });
    expectNoOverlaps(full.nodes);
    const right = Math.max(...nodes.filter((n) => !('parentId' in n && n.parentId)).map((n) => boxOf(nodes, n.id).x + boxOf(nodes, n.id).width));
    expect(boxOf(full.nodes, full.id).x).toBeGreaterThan(right);
  });

  it('on an empty canvas, next to the trigger rather than on it', () => {
    const nodes = empty();
    const trigger = boxOf(nodes, TRIGGER_NODE_ID);
    const r = addStepInView(nodes, 'ChatAppsMessage', { x: trigger.x - 400, y: trigger.y - 300, width: 1060, height: 690 });
    expect(overlap(boxOf(r.nodes, r.id), trigger)).toBe(false);
    expect(edge(r.nodes, `${TRIGGER_NODE_ID}|start`)).toBe(r.id);
  });
});
