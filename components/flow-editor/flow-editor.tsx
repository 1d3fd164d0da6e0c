'use client';

import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type EdgeChange,
} from '@xyflow/react';
import { toast } from 'sonner';
import { copySteps, pasteSteps, type Clipboard } from '@/lib/automation/graph/clipboard';
import { addDoSequence, addStep, connectOutcome, removeSteps } from '@/lib/automation/graph/edit-graph';
import { knownDataPaths } from '@/lib/automation/graph/known-paths';
import { layoutGraph } from '@/lib/automation/graph/layout-graph';
import { envelopeOf, nodesToWorkflow, type WorkflowEnvelope } from '@/lib/automation/graph/nodes-to-workflow';
import { problemsByStep, type Problem } from '@/lib/automation/graph/problem-locations';
import type { CatalogStepType } from '@/lib/automation/graph/step-catalog';
import { renameStep } from '@/lib/automation/graph/step-ids';
import { isGroupNode, isStepNode, isTriggerNode, TRIGGER_NODE_ID, type GraphNode, type WorkflowJson } from '@/lib/automation/graph/types';
import { workflowToNodes } from '@/lib/automation/graph/workflow-to-nodes';
import { EditorEnvContext, type EditorEnv } from './editor-context';
import { ScriptPathsContext } from './fields/script-paths-context';
import { DRAG_MIME, Palette } from './palette';
import { PropertiesPanel } from './properties-panel';
import { TriggerPanel } from './panels/trigger-panel';
import { NODE_TYPES } from './node-types';
import { EditorToolbar } from './editor-toolbar';
import { useDerivedEdges } from './use-derived-edges';
import { useEditorShortcuts, SHORTCUTS } from './use-editor-shortcuts';
import { useGraphHistory } from './use-graph-history';

export type RunPath = { visited: string[]; current?: string | null; failed?: string | null };

export type FlowEditorHandle = {
  importWorkflow: (workflow: WorkflowJson) => void;
  getWorkflow: () => WorkflowJson;
  focusStep: (id: string) => void;
  layout: () => void;
};

export type FlowEditorProps = {
  initialWorkflow: WorkflowJson;
  env: EditorEnv;
  problems?: Problem[];
  runPath?: RunPath | null;
  onChange?: (workflow: WorkflowJson) => void;
  ref?: Ref<FlowEditorHandle>;
};

/** Memoised: the page re-renders on save and validation; the canvas only when its inputs change. */
export const FlowEditor = memo(function FlowEditor(props: FlowEditorProps) {
  return (
    <EditorEnvContext.Provider value={props.env}>
      <ReactFlowProvider>
        <FlowEditorInner {...props} />
      </ReactFlowProvider>
    </EditorEnvContext.Provider>
  );
});

const SNAP: [number, number] = [15, 15];

function FlowEditorInner({ initialWorkflow, env, problems = [], runPath, onChange, ref }: FlowEditorProps) {
  const flow = useReactFlow();
  const rootRef = useRef<HTMLDivElement>(null);
  const envelope = useRef<WorkflowEnvelope>(envelopeOf(initialWorkflow));
  const history = useGraphHistory(useMemo(() => layoutGraph(workflowToNodes(initialWorkflow)), [initialWorkflow]));
  const { nodes, nodesRef, commit, record, setTransient, undo, redo } = history;
  const { edges, version } = useDerivedEdges(nodes);
  const [snap, setSnap] = useState(true);
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const clipboard = useRef<Clipboard | null>(null);
  const readOnly = env.readOnly;

  const workflow = useCallback(() => nodesToWorkflow(envelope.current, nodesRef.current), [nodesRef]);

  // Tell the page about real edits (not drags or selection): it autosaves and validates.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const firstVersion = useRef(version);
  useEffect(() => {
    if (version !== firstVersion.current) onChangeRef.current?.(workflow());
  }, [version, workflow]);

  const relayout = useCallback(() => {
    commit((prev) => layoutGraph(prev));
    setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }), 80);
  }, [commit, flow]);

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

  useImperativeHandle(
    ref,
    () => ({
      importWorkflow: (wf) => {
        const next = layoutGraph(workflowToNodes(wf));
        envelope.current = envelopeOf(wf);
        commit(next);
        // Fit once React Flow has measured the new nodes.
        setTimeout(() => void flow.fitView({ padding: 0.15, maxZoom: 1 }), 30);
      },
      getWorkflow: workflow,
      focusStep,
      layout: relayout,
    }),
    [commit, flow, workflow, focusStep, relayout],
  );

  // Problems and the run path are drawn on the nodes, without entering the undo history.
  const byStep = useMemo(() => problemsByStep(workflow(), problems), [problems, workflow]);
  const runState = useMemo(() => {
    const m = new Map<string, 'visited' | 'current' | 'failed'>();
    for (const id of runPath?.visited ?? []) m.set(id, 'visited');
    if (runPath?.current) m.set(runPath.current, 'current');
    if (runPath?.failed) m.set(runPath.failed, 'failed');
    return m;
  }, [runPath]);
  const shownNodes = useMemo(
    () =>
      nodes.map((n) => {
        if (!isStepNode(n)) return n;
        const p = byStep.get(n.id);
        const r = runState.get(n.id);
        if (!p && !r && !n.data.problems && !n.data.runState) return n;
        return { ...n, data: { ...n.data, problems: p, runState: r } };
      }),
    [nodes, byStep, runState],
  );
  const shownEdges = useMemo(() => {
    const visited = runPath?.visited ?? [];
    const walked = new Set<string>();
    for (let i = 0; i + 1 < visited.length; i++) walked.add(`${visited[i]}>${visited[i + 1]}`);
    if (visited[0]) walked.add(`${TRIGGER_NODE_ID}>${visited[0]}`);
    // Outcome labels sit on the nodes' handles, so edges stay unlabelled and the canvas calm.
    return edges.map((e) => {
      const hot = walked.has(`${e.source}>${e.target}`);
      const sel = selectedEdges.has(e.id);
      return { ...e, label: undefined, selected: sel, animated: hot, style: hot ? { stroke: 'var(--success)', strokeWidth: 2.5 } : e.data?.kind === 'do' ? { strokeDasharray: '4 3' } : undefined };
    });
  }, [edges, runPath, selectedEdges]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      if (readOnly) changes = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
      const useful = changes.filter((c) => c.type !== 'remove');
      if (useful.length) setTransient((prev) => applyNodeChanges(useful as NodeChange<Node>[], prev as Node[]) as GraphNode[]);
    },
    [readOnly, setTransient],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const sel = changes.filter((c) => c.type === 'select');
    if (!sel.length) return;
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of sel) if (c.type === 'select') (c.selected ? next.add(c.id) : next.delete(c.id));
      return next;
    });
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly || !c.source || !c.target || !c.sourceHandle) return;
      const target = nodesRef.current.find((n) => n.id === c.target);
      if (!target || !isStepNode(target)) return;
      if (c.source === c.target) return void toast.error('A step cannot lead to itself here; use a Jump to step for loops');
      const source = nodesRef.current.find((n) => n.id === c.source);
      if (source && isStepNode(source) && c.sourceHandle.startsWith('sel:') && source.data.branches?.some((b, i) => b.target === c.target && `sel:${i}` !== c.sourceHandle)) {
        return void toast.error(`Another path of ${c.source} already goes to ${c.target}`);
      }
      if (c.source === TRIGGER_NODE_ID && target.parentId) return void toast.error('The workflow must start with a top-level step');
      commit((prev) => connectOutcome(prev, c.source!, c.sourceHandle!, c.target!));
    },
    [readOnly, nodesRef, commit],
  );

  const selectedIds = useCallback(() => nodesRef.current.filter((n) => n.selected && !isTriggerNode(n) && !isGroupNode(n)).map((n) => n.id), [nodesRef]);

  const remove = useCallback(() => {
    if (readOnly) return;
    const ids = selectedIds();
    const edgeIds = [...selectedEdges];
    if (!ids.length && !edgeIds.length) return;
    commit((prev) => {
      let next = removeSteps(prev, ids);
      for (const eid of edgeIds) {
        const [source, handle] = eid.split('|');
        if (source && handle && !handle.startsWith('do:')) next = connectOutcome(next, source, handle, null);
      }
      return next;
    });
    setSelectedEdges(new Set());
  }, [readOnly, selectedIds, selectedEdges, commit]);

  const copy = useCallback(() => {
    const ids = selectedIds();
    if (!ids.length) return;
    clipboard.current = copySteps(nodesRef.current, ids);
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
  const fit = useCallback(() => flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }), [flow]);

  const shortcutHandlers = useMemo(() => ({ undo, redo, copy, paste, duplicate, remove, selectAll, layout: relayout, fit }), [undo, redo, copy, paste, duplicate, remove, selectAll, relayout, fit]);
  useEditorShortcuts(rootRef, shortcutHandlers, true);

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
      const position = group ? { x: Math.max(16, at.x - group.position.x - 130), y: Math.max(30, at.y - group.position.y - 20) } : { x: at.x - 130, y: at.y - 30 };
      let newId = '';
      commit((prev) => {
        const r = addStep(prev, type, position, group?.id);
        newId = r.id;
        return group ? growGroup(r.nodes, group.id) : r.nodes;
      });
      if (newId) requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('.react-flow__pane')?.focus());
    },
    [readOnly, flow, nodesRef, commit],
  );

  const selected = nodes.filter((n) => n.selected);
  const single = selected.length === 1 ? selected[0]! : null;
  // The nodes as of the last real edit: what panels and pickers need, unchanged while a node is
  // dragged, so a drag re-renders neither the properties panel nor its script editors.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structural = useMemo(() => nodesRef.current, [version]);
  const stepIds = useMemo(() => structural.filter(isStepNode).map((n) => n.id), [structural]);
  const trigger = structural.find(isTriggerNode);
  const triggerKind = trigger?.data.trigger ?? '';
  const paths = useMemo(() => knownDataPaths(structural, triggerKind), [structural, triggerKind]);
  const singleId = single?.id ?? null;
  const panelNode = singleId ? structural.find((n) => n.id === singleId) : undefined;
  const panel = useMemo(
    () => ({
      update: ((fn: (d: never) => unknown, key?: string) =>
        commit((prev) => prev.map((n) => (n.id === singleId && isStepNode(n) ? { ...n, data: fn(n.data as never) as typeof n.data } : n)), key)) as never,
      trigger: triggerKind,
      stepIds,
      onAddSequence: () => commit((prev) => addDoSequence(prev, singleId!)),
    }),
    [commit, singleId, triggerKind, stepIds],
  );
  const onRename = useCallback(
    (id: string) => {
      try {
        commit((prev) => renameStep(prev, singleId!, id));
        return true;
      } catch (err) {
        toast.error((err as Error).message);
        return false;
      }
    },
    [commit, singleId],
  );
  const onDeleteSelected = useCallback(() => commit((prev) => removeSteps(prev, [singleId!])), [commit, singleId]);

  return (
    <ScriptPathsContext.Provider value={paths}>
      <div ref={rootRef} className="flex h-full min-h-0 w-full overflow-hidden rounded-lg border bg-card" data-testid="flow-editor">
        {!readOnly ? <Palette onAdd={(t) => add(t)} /> : null}
        <div className="relative min-w-0 flex-1" onDragOver={(e) => { if (e.dataTransfer.types.includes(DRAG_MIME)) { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; } }} onDrop={(e) => { const t = e.dataTransfer.getData(DRAG_MIME); if (t) { e.preventDefault(); add(t as CatalogStepType, { x: e.clientX, y: e.clientY }); } }}>
          <EditorToolbar
            canUndo={history.canUndo}
            canRedo={history.canRedo}
            onUndo={undo}
            onRedo={redo}
            onLayout={relayout}
            onFit={fit}
            snap={snap}
            onSnap={() => setSnap((s) => !s)}
            readOnly={readOnly}
          />
          <ReactFlow
            nodes={shownNodes as Node[]}
            edges={shownEdges as Edge[]}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStart={() => record()}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            deleteKeyCode={null}
            multiSelectionKeyCode={['Meta', 'Control']}
            selectionKeyCode="Shift"
            snapToGrid={snap}
            snapGrid={SNAP}
            fitView
            fitViewOptions={{ padding: 0.15, maxZoom: 1 }}
            minZoom={0.1}
            onlyRenderVisibleElements
            defaultEdgeOptions={{ type: 'smoothstep' }}
            proOptions={{ hideAttribution: true }}
          >
            <Background variant={BackgroundVariant.Dots} gap={15} size={1} />
            <MiniMap pannable zoomable className="!bg-card" style={{ width: 150, height: 100 }} nodeStrokeWidth={3} />
            <Controls showInteractive={false} />
          </ReactFlow>
          <CanvasHelp empty={!nodes.some(isStepNode)} selectedCount={selected.length} />
        </div>
        {panelNode && (isStepNode(panelNode) || isTriggerNode(panelNode)) ? (
        <aside className="w-72 shrink-0 overflow-y-auto border-l p-3" aria-label="Properties">
          {panelNode && isStepNode(panelNode) ? (
            <PropertiesPanel key={panelNode.id} node={panelNode} nodes={structural} panel={panel} onRename={onRename} onDelete={onDeleteSelected} />
          ) : panelNode && isTriggerNode(panelNode) ? (
            <TriggerPanel data={panelNode.data} onChange={(d) => commit((prev) => prev.map((n) => (isTriggerNode(n) ? { ...n, data: d } : n)), 'trigger')} />
          ) : null}
        </aside>
        ) : null}
      </div>
    </ScriptPathsContext.Provider>
  );
}

/** Makes an If's group large enough for its steps after one is dropped in. */
function growGroup(nodes: GraphNode[], groupId: string): GraphNode[] {
  let w = 0;
  let h = 0;
  for (const n of nodes) {
    if (isStepNode(n) && n.parentId === groupId) {
      w = Math.max(w, n.position.x + 260 + 16);
      h = Math.max(h, n.position.y + 140);
    }
  }
  return nodes.map((n) => {
    if (n.id !== groupId || !isGroupNode(n)) return n;
    const width = Math.max(n.width ?? 0, w);
    const height = Math.max(n.height ?? 0, h);
    return { ...n, width, height, style: { ...(n.style ?? {}), width, height } };
  });
}

function CanvasHelp({ empty, selectedCount }: { empty: boolean; selectedCount: number }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="absolute right-2 top-2 z-10 flex flex-col items-end gap-1">
      <button type="button" onClick={() => setOpen((o) => !o)} className="rounded-md border bg-card px-2 py-1 text-xs shadow-sm hover:bg-muted" aria-expanded={open}>
        {selectedCount > 1 ? `${selectedCount} selected · ` : ''}Shortcuts
      </button>
      {open ? (
        <dl className="grid w-64 grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-md border bg-card p-3 text-xs shadow-lg">
          {SHORTCUTS.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono">{k}</dt>
              <dd className="text-muted-foreground">{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {empty ? <p className="mt-24 w-64 rounded-md border bg-card/90 p-3 text-xs text-muted-foreground shadow-sm">Drag a step from the left onto the canvas (or click it). Connect steps by dragging from a handle on a step’s right to another step.</p> : null}
    </div>
  );
}
