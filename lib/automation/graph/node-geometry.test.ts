import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveEdges } from './derive-edges';
import { layoutGraph } from './layout-graph';
import { nodeGeometry } from './node-geometry';
import { HANDLE_SIZE, NODE_WIDTH } from './node-size';
import type { WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const load = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as WorkflowJson;

describe('node geometry', () => {
  it('gives every edge of every example a source and a target handle to attach to', () => {
    for (const f of ['menu-using-wait-for-reply.json', 'keyword-detection.json', 'step-if.json', 'out-of-office-country-branch.json']) {
      const nodes = layoutGraph(workflowToNodes(load(f)));
      const handles = new Map(nodes.map((n) => [n.id, nodeGeometry(n).handles]));
      for (const e of deriveEdges(nodes)) {
        expect(
          handles.get(e.source)!.some((h) => h.type === 'source' && h.id === e.sourceHandle),
          `${f}: ${e.id}`,
        ).toBe(true);
        expect(
          handles.get(e.target)!.some((h) => h.type === 'target'),
          `${f}: ${e.id} target`,
        ).toBe(true);
      }
    }
  });

  it('stacks a step’s outcome handles on its right edge, one per row, inside the node’s height', () => {
    const nodes = workflowToNodes(load('menu-using-wait-for-reply.json'));
    const branch = nodeGeometry(nodes.find((n) => n.id === 'success')!);
    const sources = branch.handles.filter((h) => h.type === 'source');
    expect(sources.map((h) => h.id)).toEqual(['sel:0', 'sel:1', 'sel:2', 'sel:3', 'sel:4']);
    expect(new Set(sources.map((h) => h.x + h.width / 2))).toEqual(new Set([NODE_WIDTH - 1]));
    const centres = sources.map((h) => h.y + h.height / 2);
    expect(centres.slice(1).map((c, i) => c - centres[i]!)).toEqual([22, 22, 22, 22]);
    expect(sources.at(-1)!.y + HANDLE_SIZE).toBeLessThan(branch.height);
    const input = branch.handles.find((h) => h.type === 'target')!;
    expect(input).toMatchObject({ id: 'in', position: 'left', x: -HANDLE_SIZE / 2 });
    // A plain step has one "next" row, so it is shorter than the five-path branch.
    expect(nodeGeometry(nodes.find((n) => n.id === 'Hello')!).height).toBeLessThan(branch.height);
  });
});
