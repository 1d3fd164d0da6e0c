'use client';

import { useRef } from 'react';
import { deriveEdges } from '@/lib/automation/graph/derive-edges';
import type { GraphEdge, GraphNode } from '@/lib/automation/graph/types';

/**
 * Edges read from the steps, recomputed only when a step's data, id, parent or order changed:
 * dragging a node (a new position every frame) keeps the same edges array, and `version` only
 * moves for real edits, which is what autosave and validation listen to.
 */
export function useDerivedEdges(nodes: GraphNode[]): { edges: GraphEdge[]; version: number } {
  const memo = useRef<{ keys: unknown[]; edges: GraphEdge[]; version: number } | null>(null);
  const keys: unknown[] = [];
  for (const n of nodes) keys.push(n.id, n.data, 'parentId' in n ? n.parentId : undefined);
  const prev = memo.current;
  if (prev && prev.keys.length === keys.length && prev.keys.every((k, i) => k === keys[i])) return prev;
  memo.current = { keys, edges: deriveEdges(nodes), version: (prev?.version ?? 0) + 1 };
  return memo.current;
}
