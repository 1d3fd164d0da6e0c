import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySteps, pasteSteps } from './clipboard';
import { deriveEdges } from './derive-edges';
import { addStep, connectOutcome, removeSteps } from './edit-graph';
import { envelopeOf, nodesToSteps, nodesToWorkflow } from './nodes-to-workflow';
import { newStepId, renameStep } from './step-ids';
import { TRIGGER_NODE_ID, type WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const load = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as WorkflowJson;

describe('editing the graph', () => {
  it('names new steps like the 8x8 editor and never reuses an id', () => {
    expect(newStepId('ChatAppsMessage', new Set(), () => 0.0501)).toBe('chatappsmessage_0501');
    expect(
      newStepId(
        'branch',
        new Set(['branch_0001']),
        (() => {
          let i = 0;
          return () => [0.0001, 0.0002][i++] ?? 0.5;
        })(),
      ),
    ).toBe('branch_0002');
  });

  it('renames a step and updates nextStepId and selectNextStep references', () => {
    const wf = load('menu-using-wait-for-reply.json');
    const steps = nodesToSteps(renameStep(workflowToNodes(wf), 'success', 'menu_branch'));
    expect(steps.find((s) => s.id === 'wait1')!.selectNextStep).toEqual({ menu_branch: '{{data.reply1 != null}}', failure: '{{data.reply1 == null}}' });
    expect(steps.map((s) => s.id)).toContain('menu_branch');
    expect(() => renameStep(workflowToNodes(wf), 'success', 'wait1')).toThrow(/already called/);
    expect(() => renameStep(workflowToNodes(wf), 'success', 'bad id')).toThrow(/letters/);
  });

  it('renames an If together with its do-groups', () => {
    const wf = load('out-of-office-country-branch.json');
    const nodes = renameStep(workflowToNodes(wf), 'message_from_ID', 'id_if');
    const out = nodesToWorkflow(envelopeOf(wf), nodes);
    const ifStep = out.definition.steps.find((s) => s.id === 'id_if')!;
    expect(ifStep.do![0]![0]!.id).toBe('message_from_ID_out_of_business_hours');
    expect(out.definition.steps[0]!.selectNextStep).toHaveProperty('id_if');
  });

  it('connects and disconnects outcomes, and the trigger chooses the entry step', () => {
    const wf = load('menu-using-wait-for-reply.json');
    let nodes = connectOutcome(workflowToNodes(wf), 'branch1', 'next', 'failure');
    expect(nodesToSteps(nodes).find((s) => s.id === 'branch1')!.nextStepId).toBe('failure');
    nodes = connectOutcome(nodes, 'success', 'sel:0', null);
    expect(nodesToSteps(nodes).find((s) => s.id === 'success')!.selectNextStep).not.toHaveProperty('branch1');
    nodes = connectOutcome(nodes, TRIGGER_NODE_ID, 'start', 'wait1');
    expect(nodesToSteps(nodes)[0]!.id).toBe('wait1');
    expect(deriveEdges(nodes).find((e) => e.source === TRIGGER_NODE_ID)!.target).toBe('wait1');
  });

  it('deletes steps and clears references to them', () => {
    const nodes = removeSteps(workflowToNodes(load('menu-using-wait-for-reply.json')), ['wait1', 'branch2']);
    const steps = nodesToSteps(nodes);
    expect(steps.find((s) => s.id === 'Hello')!.nextStepId).toBeUndefined();
    expect(Object.keys(steps.find((s) => s.id === 'success')!.selectNextStep!)).toEqual(['branch1', 'branch3', 'branch4', 'branch5']);
  });

  it('copies and pastes with fresh ids, keeping references inside the copy', () => {
    const nodes = workflowToNodes(load('menu-using-wait-for-reply.json'));
    const { nodes: after, ids } = pasteSteps(nodes, copySteps(nodes, ['Hello', 'wait1']));
    expect(ids).toHaveLength(2);
    const pasted = nodesToSteps(after).filter((s) => ids.includes(s.id));
    const [hello, wait] = pasted;
    expect(hello!.id).toMatch(/^chatappsmessage_\d{4}$/);
    expect(hello!.nextStepId).toBe(wait!.id);
    expect(wait!.selectNextStep).toEqual({ success: '{{data.reply1 != null}}', failure: '{{data.reply1 == null}}' });
  });

  it('adds an If with an empty do sequence that exports as do: [[]]', () => {
    const { nodes, id } = addStep(workflowToNodes(load('sms-auto-reply.json')), 'If', { x: 0, y: 0 });
    const step = nodesToSteps(nodes).find((s) => s.id === id)!;
    expect(step.do).toEqual([[]]);
    const pasted = pasteSteps(nodes, copySteps(nodes, [id]));
    expect(nodesToSteps(pasted.nodes).filter((s) => s.stepType === 'If')).toHaveLength(2);
  });
});

describe('If sequences', () => {
  it('adds a second do sequence that exports as another list', async () => {
    const { addDoSequence } = await import('./edit-graph');
    const { nodes, id } = addStep([], 'If', { x: 0, y: 0 });
    const two = addDoSequence(nodes, id);
    const withChild = addStep(two, 'SMS', { x: 10, y: 40 }, `${id}::do1`);
    const step = nodesToSteps(withChild.nodes).find((s) => s.id === id)!;
    expect(step.do).toHaveLength(2);
    expect(step.do![1]![0]!.stepType).toBe('SMS');
    expect(
      deriveEdges(withChild.nodes)
        .filter((e) => e.source === id)
        .map((e) => e.sourceHandle),
    ).toEqual(['do:0', 'do:1']);
  });
});
