'use client';

import { useCallback, useRef, useState, type RefObject } from 'react';
import { toast } from 'sonner';
import type { ReactFlowInstance } from '@xyflow/react';
import { copySteps, pasteSteps, type Clipboard } from '@/lib/automation/graph/clipboard';
import { addStep, connectOutcome, removeSteps } from '@/lib/automation/graph/edit-graph';
import { growGroup } from '@/lib/automation/graph/grow-group';
import { addStepAfter, addStepInView } from '@/lib/automation/graph/place-new-step';
import type { CatalogStepType } from '@/lib/automation/graph/step-catalog';
import { isGroupNode, isTriggerNode, type GraphNode } from '@/lib/automation/graph/types';

type Commit = (next: GraphNode[] | ((prev: GraphNode[]) => GraphNode[]), coalesceKey?: string) => void;

/** The editing commands the toolbar, the palette and the shortcuts share: add, delete, copy, paste, duplicate, select all. */
export function useStepCommands(o: {
  readOnly: boolean;
  flow: ReactFlowInstance;
  rootRef: RefObject<HTMLDivElement | null>;
  nodesRef: RefObject<GraphNode[]>;
  commit: Commit;
  setTransient: (next: (prev: GraphNode[]) => GraphNode[]) => void;
  selectedEdges: RefObject<Set<string>>;
  clearSelectedEdges: () => void;
}) {
  const { readOnly, flow, rootRef, nodesRef, commit, setTransient, selectedEdges, clearSelectedEdges } = o;
  const clipboard = useRef<Clipboard | null>(null);
  const [canPaste, setCanPaste] = useState(false);

  const selectedIds = useCallback(() => nodesRef.current.filter((n) => n.selected && !isTriggerNode(n) && !isGroupNode(n)).map((n) => n.id), [nodesRef]);

  const remove = useCallback(() => {
    if (readOnly) return;
    const ids = selectedIds();
    const edgeIds = [...selectedEdges.current];
    if (!ids.length && !edgeIds.length) return;
    commit((prev) => {
      let next = removeSteps(prev, ids);
      for (const eid of edgeIds) {
        const [source, handle] = eid.split('|');
        if (source && handle && !handle.startsWith('do:')) next = connectOutcome(next, source, handle, null);
      }
      return next;
    });
    clearSelectedEdges();
  }, [readOnly, selectedIds, selectedEdges, commit, clearSelectedEdges]);

  const copy = useCallback(() => {
    const ids = selectedIds();
    if (!ids.length) return;
    clipboard.current = copySteps(nodesRef.current, ids);
    setCanPaste(true);
    toast.success(`Copied ${ids.length} step${ids.length > 1 ? 's' : ''}`);
  }, [selectedIds, nodesRef]);

  const paste = useCallback(() => {
    if (readOnly || !clipboard.current) return;
    const clip = clipboard.current;
    commit((prev) => pasteSteps(prev, clip).nodes);
  }, [readOnly, commit]);

  const duplicate = useCallback(() => {
    if (readOnly) return;
    const ids = selectedIds();
    if (!ids.length) return;
    commit((prev) => pasteSteps(prev, copySteps(prev, ids)).nodes);
  }, [readOnly, selectedIds, commit]);

  const selectAll = useCallback(() => setTransient((prev) => prev.map((n) => (n.selected ? n : { ...n, selected: true }))), [setTransient]);

  const add = useCallback(
    (type: CatalogStepType, screen?: { x: number; y: number }) => {
      if (readOnly) return;
      let newId = '';
      if (!screen) {
        // A click in the palette: after the one selected step (or the trigger), connected to it;
        // else at a free place in the part of the canvas in view.
        const selected = nodesRef.current.filter((n) => n.selected && !isGroupNode(n));
        const rect = rootRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
        const { x, y, zoom } = flow.getViewport();
        const view = rect ? { x: -x / zoom, y: -y / zoom, width: rect.width / zoom, height: rect.height / zoom } : null;
        commit((prev) => {
          const r = selected.length === 1 ? addStepAfter(prev, type, selected[0]!.id) : addStepInView(prev, type, view);
          newId = r.id;
          return r.nodes;
        });
      } else {
        // Dropped from the palette: where it falls (inside an If's dashed box, it joins that "do" sequence).
        const at = flow.screenToFlowPosition(screen);
        const group = nodesRef.current.find((n) => {
          if (!isGroupNode(n)) return false;
          const w = n.width ?? 292;
          const h = n.height ?? 72;
          return at.x >= n.position.x && at.x <= n.position.x + w && at.y >= n.position.y && at.y <= n.position.y + h;
        });
        const position = group
          ? { x: Math.max(16, at.x - group.position.x - 130), y: Math.max(30, at.y - group.position.y - 20) }
          : { x: at.x - 130, y: at.y - 30 };
        commit((prev) => {
          const r = addStep(prev, type, position, group?.id);
          newId = r.id;
          return group ? growGroup(r.nodes, group.id) : r.nodes;
        });
      }
      if (newId) requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('.react-flow__pane')?.focus());
    },
    [readOnly, flow, rootRef, nodesRef, commit],
  );

  return { remove, copy, paste, duplicate, selectAll, add, canPaste };
}
