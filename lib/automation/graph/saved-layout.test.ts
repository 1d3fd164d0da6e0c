import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutGraph } from './layout-graph';
import { envelopeOf, nodesToWorkflow } from './nodes-to-workflow';
import { layoutOf, placeNodes } from './saved-layout';
import { isGroupNode, type WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const load = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as WorkflowJson;

describe('saved layout', () => {
  it('puts every node (and an If group with its size) back where it was left, and keeps it out of the JSON', () => {
    const wf = load('step-if.json');
    const moved = layoutGraph(workflowToNodes(wf)).map((n, i) => ({ ...n, position: { x: n.position.x + 7 * i, y: n.position.y - 3 * i } }));
    const saved = layoutOf(moved);
    const group = moved.find(isGroupNode)!;
    expect(saved[group.id]).toMatchObject({ width: group.width, height: group.height });
    const reopened = placeNodes(workflowToNodes(wf), JSON.parse(JSON.stringify(saved)));
    expect(reopened.map((n) => n.position)).toEqual(moved.map((n) => n.position));
    expect(reopened.find(isGroupNode)).toMatchObject({ width: group.width, height: group.height });
    expect(nodesToWorkflow(envelopeOf(wf), reopened)).toEqual(wf);
  });

  it('lays everything out afresh when the saved positions miss a node', () => {
    const wf = load('menu-using-wait-for-reply.json');
    const auto = layoutGraph(workflowToNodes(wf));
    const saved = layoutOf(auto.map((n) => ({ ...n, position: { x: 5000, y: 5000 } })));
    delete saved.branch5;
    expect(placeNodes(workflowToNodes(wf), saved).map((n) => n.position)).toEqual(auto.map((n) => n.position));
    expect(placeNodes(workflowToNodes(wf), null).map((n) => n.position)).toEqual(auto.map((n) => n.position));
  });
});
