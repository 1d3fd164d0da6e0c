'use client';

import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { fitViewport, openingViewport } from '@/lib/automation/graph/fit-viewport';
import type { GraphNode } from '@/lib/automation/graph/types';

const VIEW = { padding: 0.08, minZoom: 0.1, maxZoom: 1 };
// The zoom a workflow opens at, at least, so the text on its nodes can be read (12 px text at 10 px).
const READABLE_ZOOM = 0.85;
export const MIN_ZOOM = VIEW.minZoom;

/** Where the canvas looks: the whole graph, the view a workflow opens with, or one step. */
export function useCanvasView(setTransient: (next: (prev: GraphNode[]) => GraphNode[]) => void) {
  const flow = useReactFlow();
  const store = useStoreApi();

  /** Shows the graph (or its start, when it is too big to fit) without waiting for any measurement. */
  const showAll = useCallback(
    (list: GraphNode[], duration?: number) => {
      const { width, height } = store.getState();
      void flow.setViewport(fitViewport(list, { width, height, ...VIEW }), duration ? { duration } : undefined);
    },
    [flow, store],
  );

  /** The view a workflow opens with: readable, around the trigger, when the whole does not fit readably. */
  const showOpening = useCallback(
    (list: GraphNode[]) => {
      const { width, height } = store.getState();
      void flow.setViewport(openingViewport(list, { width, height, ...VIEW, readableZoom: READABLE_ZOOM }));
    },
    [flow, store],
  );

  const focusStep = useCallback(
    (id: string) => {
      setTransient((prev) => prev.map((n) => (n.selected !== (n.id === id) ? { ...n, selected: n.id === id } : n)));
      const n = flow.getInternalNode(id);
      if (n) {
        const { x, y } = n.internals.positionAbsolute;
        flow.setCenter(x + (n.measured.width ?? 260) / 2, y + (n.measured.height ?? 80) / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
      }
    },
    [flow, setTransient],
  );

  return { showAll, showOpening, focusStep };
}
