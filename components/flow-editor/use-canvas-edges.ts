'use client';

import { useMemo } from 'react';
import type { Edge } from '@xyflow/react';
import { TRIGGER_NODE_ID, type GraphEdge } from '@/lib/automation/graph/types';

const WALKED = { stroke: 'var(--success)', strokeWidth: 2.5 };
const DO = { strokeDasharray: '4 3' };

/**
 * The edges as React Flow gets them: unlabelled (outcome labels sit on the nodes' handles, which
 * keeps the canvas calm), dashed into an If's group, lit along a run's path, selected as the user
 * picked them. Edges are derived from the steps only on real edits, so drags reuse this array.
 */
export function useCanvasEdges(edges: GraphEdge[], visited: string[] | undefined, selected: Set<string>): Edge[] {
  return useMemo(() => {
    const path = visited ?? [];
    const walked = new Set<string>();
    for (let i = 0; i + 1 < path.length; i++) walked.add(`${path[i]}>${path[i + 1]}`);
    if (path[0]) walked.add(`${TRIGGER_NODE_ID}>${path[0]}`);
    return edges.map((e) => {
      const hot = walked.has(`${e.source}>${e.target}`);
      return { ...e, label: undefined, selected: selected.has(e.id), animated: hot, style: hot ? WALKED : e.data?.kind === 'do' ? DO : undefined };
    });
  }, [edges, visited, selected]);
}
