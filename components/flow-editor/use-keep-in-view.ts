'use client';

import { useEffect, type RefObject } from 'react';
import { useReactFlow, useStore, useStoreApi } from '@xyflow/react';

const paneWidthOf = (s: { width: number }) => s.width;
const MARGIN = 24;

/**
 * Opening the properties panel narrows the canvas from the right and can cover the node just
 * selected: pan it back into view. Not while a node is being dragged (`dragging` holds a value then),
 * where moving the view would move the node away from the pointer.
 */
export function useKeepInView(selectedId: string | null, dragging: RefObject<unknown>) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const paneWidth = useStore(paneWidthOf);
  useEffect(() => {
    if (!selectedId || dragging.current) return;
    const n = flow.getInternalNode(selectedId);
    if (!n) return;
    const { x, y, zoom } = flow.getViewport();
    const { width, height } = store.getState();
    const left = n.internals.positionAbsolute.x * zoom + x;
    const top = n.internals.positionAbsolute.y * zoom + y;
    const right = left + (n.measured.width ?? 0) * zoom;
    const bottom = top + (n.measured.height ?? 0) * zoom;
    const dx = right > width - MARGIN ? Math.max(width - MARGIN - right, MARGIN - left) : left < MARGIN ? MARGIN - left : 0;
    const dy = bottom > height - MARGIN ? Math.max(height - MARGIN - bottom, MARGIN - top) : top < MARGIN ? MARGIN - top : 0;
    if (dx || dy) void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
  }, [selectedId, paneWidth, flow, store, dragging]);
}
