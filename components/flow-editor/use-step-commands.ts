'use client';

import { useCallback, useRef, useState, type RefObject } from 'react';
import { toast } from 'sonner';
import type { ReactFlowInstance } from '@xyflow/react';
import { copySteps, pasteSteps, type Clipboard } from '@/lib/automation/graph/clipboard';
import { addStep, connectOutcome, removeSteps } from '@/lib/automation/graph/edit-graph';
import { growGroup } from '@/lib/automation/graph/grow-group';
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
      const rect = rootRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
      const at = flow.screenToFlowPosition(screen ?? { x: (rect?.left ?? 0) + (rect?.width ?? 800) / 2, y: (rect?.top ?? 0) + (rect?.height ?? 600) / 2 });
      // Dropped inside an If's dashed box: the step joins that "do" sequence.
      const group = nodesRef.current.find((n) => {
        if (!isGroupNode(n)) return false;
        const w = n.width ?? 292;
        const h = n.height ?? 72;
        return at.x >= n.position.x && at.x <= n.position.x + w && at.y >= n.position.y && at.y <= n.position.y + h;
      });
      const position = group
        ? { x: Math.max(16, at.x - group.position.x - 130), y: Math.max(30, at.y - group.position.y - 20) }
        : { x: at.x - 130, y: at.y - 30 };
      let newId = '';
      commit((prev) => {
        const r = addStep(prev, type, position, group?.id);
        newId = r.id;
        return group ? growGroup(r.nodes, group.id) : r.nodes;
      });
      if (newId) requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('.react-flow__pane')?.focus());
    },
    [readOnly, flow, rootRef, nodesRef, commit],
  );

  return { remove, copy, paste, duplicate, selectAll, add, canPaste };
}
