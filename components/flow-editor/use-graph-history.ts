'use client';

import { useCallback, useRef, useState } from 'react';
import type { GraphNode } from '@/lib/automation/graph/types';

const LIMIT = 200;
const COALESCE_MS = 1200;

/**
 * The canvas state with undo/redo. `commit` records the state before a change; typing in one field
 * (same coalesce key, within a moment) counts as one change, and a drag counts once, at its start.
 */
export function useGraphHistory(initial: GraphNode[]) {
  const [nodes, setNodesState] = useState<GraphNode[]>(initial);
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const past = useRef<GraphNode[][]>([]);
  const future = useRef<GraphNode[][]>([]);
  const last = useRef<{ key: string; at: number } | null>(null);
  const [, bump] = useState(0);

  const record = useCallback((coalesceKey?: string) => {
    const now = Date.now();
    if (coalesceKey && last.current?.key === coalesceKey && now - last.current.at < COALESCE_MS) {
      last.current.at = now;
      return;
    }
    last.current = coalesceKey ? { key: coalesceKey, at: now } : null;
    past.current.push(nodesRef.current);
    if (past.current.length > LIMIT) past.current.shift();
    future.current = [];
    bump((v) => v + 1);
  }, []);

  /** A change the user can undo. */
  const commit = useCallback(
    (next: GraphNode[] | ((prev: GraphNode[]) => GraphNode[]), coalesceKey?: string) => {
      record(coalesceKey);
      const value = typeof next === 'function' ? next(nodesRef.current) : next;
      nodesRef.current = value;
      setNodesState(value);
    },
    [record],
  );

  /** A change that is not an edit of the workflow (selection, measuring, drag frames). */
  const setTransient = useCallback((next: GraphNode[] | ((prev: GraphNode[]) => GraphNode[])) => {
    const value = typeof next === 'function' ? next(nodesRef.current) : next;
    nodesRef.current = value;
    setNodesState(value);
  }, []);

  const undo = useCallback(() => {
    const prev = past.current.pop();
    if (!prev) return false;
    future.current.push(nodesRef.current);
    last.current = null;
    nodesRef.current = prev;
    setNodesState(prev);
    return true;
  }, []);

  const redo = useCallback(() => {
    const next = future.current.pop();
    if (!next) return false;
    past.current.push(nodesRef.current);
    last.current = null;
    nodesRef.current = next;
    setNodesState(next);
    return true;
  }, []);

  /** Replaces everything (import): undoable like any change. */
  const reset = useCallback((value: GraphNode[]) => commit(value), [commit]);

  return { nodes, nodesRef, commit, record, setTransient, undo, redo, reset, canUndo: past.current.length > 0, canRedo: future.current.length > 0 };
}
