import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveEdges } from './derive-edges';
import { layoutGraph } from './layout-graph';
import { envelopeOf, nodesToWorkflow } from './nodes-to-workflow';
import { outcomesOf } from './outcomes';
import { isStepNode, type WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const dir = path.join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as WorkflowJson;

describe('definition ⇄ graph', () => {
  it('has the five reference examples and the eight step samples', () => {
    expect(fixtures.filter((f) => !f.startsWith('step-'))).toHaveLength(5);
    expect(fixtures.filter((f) => f.startsWith('step-'))).toHaveLength(8);
  });

  it.each(fixtures)('%s round-trips to equivalent JSON, before and after layout', (f) => {
    const wf = load(f);
    const nodes = workflowToNodes(wf);
    expect(nodesToWorkflow(envelopeOf(wf), nodes)).toEqual(wf);
    const laid = layoutGraph(nodes);
    expect(nodesToWorkflow(envelopeOf(wf), laid)).toEqual(wf);
    // Layout places every node somewhere distinct.
    const top = laid.filter((n) => !('parentId' in n && n.parentId));
    expect(new Set(top.map((n) => `${Math.round(n.position.x)},${Math.round(n.position.y)}`)).size).toBe(top.length);
  });

  it('draws the menu example: start edge, reply/timeout outcomes and five labelled branches', () => {
    const nodes = workflowToNodes(load('menu-using-wait-for-reply.json'));
    const edges = deriveEdges(nodes);
    expect(edges.find((e) => e.data?.kind === 'start')?.target).toBe('Hello');
    expect(edges.find((e) => e.source === 'Hello')).toMatchObject({ target: 'wait1', sourceHandle: 'next' });
    const wait = nodes.find((n) => n.id === 'wait1')!;
    expect(isStepNode(wait) && outcomesOf(wait.data).map((o) => o.label)).toEqual(['reply', 'timeout', 'no match']);
    const fromBranch = edges.filter((e) => e.source === 'success');
    expect(fromBranch.map((e) => e.target)).toEqual(['branch1', 'branch2', 'branch3', 'branch4', 'branch5']);
    expect(fromBranch[0]!.label).toBe('= “1”');
  });

  it('keeps the keyword example\'s "others": null default as an "otherwise" outcome without an edge', () => {
    const nodes = workflowToNodes(load('keyword-detection.json'));
    const kw = nodes.find((n) => n.id === 'keyword')!;
    expect(kw.type).toBe('Branch');
    expect(isStepNode(kw) && outcomesOf(kw.data)).toEqual([
      { handle: 'sel:0', label: 'contains “Register”', target: 'register_flow_1', kind: 'branch', otherwise: false },
      { handle: 'sel:1', label: 'otherwise', target: 'others', kind: 'branch', otherwise: true },
    ]);
    expect(
      deriveEdges(nodes)
        .filter((e) => e.source === 'keyword')
        .map((e) => e.target),
    ).toEqual(['register_flow_1']);
  });

  it('shows an If "do" sequence as a group holding its steps', () => {
    const nodes = layoutGraph(workflowToNodes(load('out-of-office-country-branch.json')));
    const group = nodes.find((n) => n.id === 'message_from_ID::do0')!;
    expect(group.type).toBe('doGroup');
    const child = nodes.find((n) => n.id === 'message_from_ID_out_of_business_hours')!;
    expect('parentId' in child && child.parentId).toBe(group.id);
    expect(deriveEdges(nodes).find((e) => e.source === 'message_from_ID' && e.data?.kind === 'do')?.target).toBe(group.id);
    const branch = nodes.find((n) => n.id === 'branch_on_msg_country')!;
    expect(isStepNode(branch) && outcomesOf(branch.data).map((o) => o.label)).toEqual(['country ID', 'country PH', 'otherwise']);
  });

  it('refuses a definition that uses one step id twice', () => {
    const wf = load('sms-auto-reply.json');
    wf.definition.steps.push({ ...wf.definition.steps[0]! });
    expect(() => workflowToNodes(wf)).toThrow(/used twice/);
  });
});

describe('problem locations', () => {
  it('finds the step a validation path points into, nested in If "do" too', async () => {
    const { stepIdAtPath } = await import('./problem-locations');
    const wf = load('out-of-office-country-branch.json');
    expect(stepIdAtPath(wf, 'definition.steps.0.selectNextStep')).toBe('branch_on_msg_country');
    expect(stepIdAtPath(wf, 'definition.steps.1.do.0.0.inputs.subAccountId')).toBe('message_from_ID_out_of_business_hours');
    expect(stepIdAtPath(wf, 'definition.name')).toBeNull();
  });
});

describe('large graphs', () => {
  it('lays out a generated 300-step workflow quickly, left to right, without overlaps', async () => {
    const { generateWorkflow } = await import('@/bench/editor/generate-workflow');
    const wf = generateWorkflow(300) as unknown as WorkflowJson;
    const t = performance.now();
    const laid = layoutGraph(workflowToNodes(wf));
    expect(performance.now() - t).toBeLessThan(500);
    expect(nodesToWorkflow(envelopeOf(wf), laid)).toEqual(wf);
    const at = (id: string) => laid.find((n) => n.id === id)!.position;
    expect(at('menu_0').x).toBeLessThan(at('wait_0').x);
    expect(at('wait_0').x).toBeLessThan(at('branch_0').x);
    const boxes = laid.map((n) => `${n.position.x},${n.position.y}`);
    expect(new Set(boxes).size).toBe(boxes.length);
  });
});
