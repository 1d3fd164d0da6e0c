'use client';

import { useMemo, useRef } from 'react';
import type { Node } from '@xyflow/react';
import { nodeGeometry } from '@/lib/automation/graph/node-geometry';
import { isStepNode, type GraphNode, type RunState } from '@/lib/automation/graph/types';

type Decorated = { node: Node; problems?: string[]; runState?: RunState };

/**
 * The nodes as React Flow gets them: each with its size and handle boxes (so React Flow measures
 * nothing before drawing edges or culling off-screen nodes), and a step's problems and run state
 * drawn on it. Each result is kept per node object, so a drag frame (one node moved) hands React
 * Flow 299 identical objects it skips and one new one, and node components re-render only when
 * their node changed.
 */
export function useCanvasNodes(nodes: GraphNode[], problemsByStep: Map<string, string[]>, runState: Map<string, RunState>): Node[] {
  const cache = useRef(new WeakMap<GraphNode, Decorated>());
  return useMemo(() => {
    const out: Node[] = new Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const problems = isStepNode(n) ? problemsByStep.get(n.id) : undefined;
      const run = isStepNode(n) ? runState.get(n.id) : undefined;
      const hit = cache.current.get(n);
      if (hit && hit.problems === problems && hit.runState === run) {
        out[i] = hit.node;
        continue;
      }
      const { width, height, handles } = nodeGeometry(n);
      const data = isStepNode(n) && (problems || run || n.data.problems || n.data.runState) ? { ...n.data, problems, runState: run } : n.data;
      const node = { ...n, data, measured: { width, height }, handles } as Node;
      cache.current.set(n, { node, problems, runState: run });
      out[i] = node;
    }
    return out;
  }, [nodes, problemsByStep, runState]);
}
