'use client';

import { createContext, useContext, useMemo, useRef } from 'react';
import { knownDataPaths } from '@/lib/automation/graph/known-paths';
import type { GraphNode } from '@/lib/automation/graph/types';

export const ScriptPathsContext = createContext<string[]>([]);

export function useScriptPaths() {
  return useContext(ScriptPathsContext);
}

/**
 * The data.* names scripts can read, as the same array while the names stay the same: every script
 * field's CodeMirror is reconfigured when it changes, which closed an open completion list at each
 * keystroke of a message (each edit made a new, equal list).
 */
export function useKnownPaths(nodes: GraphNode[], trigger: string): string[] {
  const last = useRef<string[]>([]);
  return useMemo(() => {
    const next = knownDataPaths(nodes, trigger);
    const prev = last.current;
    if (next.length === prev.length && next.every((p, i) => p === prev[i])) return prev;
    last.current = next;
    return next;
  }, [nodes, trigger]);
}
