import { describe, expect, it } from 'vitest';
import { generateWorkflow } from '@/bench/editor/generate-workflow';
import { fitViewport } from './fit-viewport';
import { layoutGraph } from './layout-graph';
import type { WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const pane = { width: 1000, height: 600, padding: 0.1, minZoom: 0.1, maxZoom: 1 };
const laid = (steps: number) => layoutGraph(workflowToNodes(generateWorkflow(steps) as WorkflowJson));

describe('fitViewport', () => {
  it('centres a graph that fits, never zooming in past maxZoom', () => {
    const nodes = laid(3);
    const v = fitViewport(nodes, pane);
    expect(v.zoom).toBeLessThanOrEqual(1);
    const xs = nodes.map((n) => n.position.x * v.zoom + v.x);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(pane.width * pane.padding - 0.01);
    const trigger = nodes[0]!;
    expect(trigger.position.x * v.zoom + v.x).toBeGreaterThan(0);
  });

  it('opens a graph too large to fit on its start, at minZoom, instead of its middle', () => {
    const nodes = laid(300);
    const v = fitViewport(nodes, pane);
    expect(v.zoom).toBe(0.1);
    const trigger = nodes[0]!;
    expect(trigger.position.x * v.zoom + v.x).toBeCloseTo(pane.width * pane.padding);
    expect(trigger.position.y * v.zoom + v.y).toBeGreaterThanOrEqual(0);
    expect(trigger.position.y * v.zoom + v.y).toBeLessThan(pane.height);
  });
});
