'use client';

import { useRef } from 'react';
import { deriveEdges } from '@/lib/automation/graph/derive-edges';
import type { GraphEdge, GraphNode } from '@/lib/automation/graph/types';

const parentOf = (n: GraphNode) => ('parentId' in n ? n.parentId : undefined);

/** True when the two lists hold the same steps (ids, data, parents, order): positions and selection aside. */
function sameStructure(a: GraphNode[], b: GraphNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.id !== y.id || x.data !== y.data || parentOf(x) !== parentOf(y))) return false;
  }
  return true;
}

/**
 * Edges read from the steps, recomputed only when a step's data, id, parent or order changed:
 * dragging a node (a new position every frame) keeps the same edges array, and `version` only
 * moves for real edits, which is what autosave and validation listen to. The check allocates
 * nothing, as it runs on every drag frame.
 */
export function useDerivedEdges(nodes: GraphNode[]): { edges: GraphEdge[]; version: number } {
  const memo = useRef<{ nodes: GraphNode[]; edges: GraphEdge[]; version: number } | null>(null);
  const prev = memo.current;
  if (prev && (prev.nodes === nodes || sameStructure(prev.nodes, nodes))) {
    prev.nodes = nodes;
    return prev;
  }
  memo.current = { nodes, edges: deriveEdges(nodes), version: (prev?.version ?? 0) + 1 };
  return memo.current;
}
