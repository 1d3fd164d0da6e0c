import { describe, expect, it } from 'vitest';
import { generateWorkflow } from '@/bench/editor/generate-workflow';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fitViewport, openingViewport } from './fit-viewport';
import { nodeGeometry } from './node-geometry';
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

describe('openingViewport', () => {
  const menu = layoutGraph(workflowToNodes(JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'menu-using-wait-for-reply.json'), 'utf8'))));
  // The editor's canvas at 1280×800, beside the palette.
  const canvas = { width: 1060, height: 690, padding: 0.08, minZoom: 0.1, maxZoom: 1, readableZoom: 0.85 };
  const onScreen = (n: (typeof menu)[number], v: { x: number; y: number; zoom: number }) => {
    const g = nodeGeometry(n);
    const x = n.position.x * v.zoom + v.x;
    const y = n.position.y * v.zoom + v.y;
    return x >= 0 && y >= 0 && x + g.width * v.zoom <= canvas.width && y + g.height * v.zoom <= canvas.height;
  };

  it('opens the reference menu at a readable zoom around its trigger, where fitting it would not be readable', () => {
    expect(fitViewport(menu, canvas).zoom).toBeLessThan(0.8);
    const v = openingViewport(menu, canvas);
    expect(v.zoom).toBe(0.85);
    const trigger = menu.find((n) => n.type === 'trigger')!;
    expect(onScreen(trigger, v)).toBe(true);
    expect(trigger.position.x * v.zoom + v.x).toBeCloseTo(canvas.width * canvas.padding);
    // The steps right after it are in view too.
    for (const id of ['Hello', 'wait1']) expect(onScreen(menu.find((n) => n.id === id)!, v), id).toBe(true);
  });

  it('shows a graph that fits readably whole, as fitting does', () => {
    const small = layoutGraph(workflowToNodes(JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'sms-auto-reply.json'), 'utf8'))));
    expect(fitViewport(small, canvas).zoom).toBeGreaterThanOrEqual(0.85);
    expect(openingViewport(small, canvas)).toEqual(fitViewport(small, canvas));
  });

  it('keeps the trigger of a tall graph in view without empty space past the graph', () => {
    const tall = laid(300);
    const v = openingViewport(tall, canvas);
    expect(v.zoom).toBe(0.85);
    expect(onScreen(tall[0]!, v)).toBe(true);
  });
});
