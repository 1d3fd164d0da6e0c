'use client';

import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type Ref } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { toast } from 'sonner';
import { connectionProblem } from '@/lib/automation/graph/connection-problem';
import { addDoSequence, connectOutcome, removeSteps } from '@/lib/automation/graph/edit-graph';
import { layoutGraph } from '@/lib/automation/graph/layout-graph';
import { envelopeOf, nodesToWorkflow, type WorkflowEnvelope } from '@/lib/automation/graph/nodes-to-workflow';
import { layoutOf, placeNodes, type SavedLayout } from '@/lib/automation/graph/saved-layout';
import type { CatalogStepType } from '@/lib/automation/graph/step-catalog';
import { renameStep } from '@/lib/automation/graph/step-ids';
import { isStepNode, isTriggerNode, type GraphNode, type RunState, type WorkflowJson } from '@/lib/automation/graph/types';
import { workflowToNodes } from '@/lib/automation/graph/workflow-to-nodes';
import { CanvasHelp } from './canvas-help';
import { EditorEnvContext, type EditorEnv } from './editor-context';
import { EditorToolbar } from './editor-toolbar';
import { ScriptPathsContext, useKnownPaths } from './fields/script-paths-context';
import { NODE_TYPES } from './node-types';
import { Palette, paletteDropTarget } from './palette';
import { TriggerPanel } from './panels/trigger-panel';
import { PropertiesPanel } from './properties-panel';
import { useCanvasEdges } from './use-canvas-edges';
import { useCanvasNodes } from './use-canvas-nodes';
import { useDerivedEdges } from './use-derived-edges';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useGraphHistory } from './use-graph-history';
import { useCanvasView, MIN_ZOOM } from './use-canvas-view';
import { useKeepInView } from './use-keep-in-view';
import { useStepCommands } from './use-step-commands';

export type RunPath = { visited: string[]; current?: string | null; failed?: string | null };

export type FlowEditorHandle = {
  /** Replaces the canvas (undoable); `layout` puts nodes where they were saved, else they are laid out. */
  importWorkflow: (workflow: WorkflowJson, layout?: SavedLayout | null) => void;
  getWorkflow: () => WorkflowJson;
  /** Where every node is drawn now, to store beside the workflow. */
  getLayout: () => SavedLayout;
  focusStep: (id: string) => void;
  layout: () => void;
  /** The canvas nodes as they are (what a draft keeps: paths not connected yet, positions, selection). */
  getNodes: () => GraphNode[];
  /**
   * Puts a kept draft back: its workflow's settings and its nodes as they were. `quiet` (the draft is
   * the saved workflow plus what its JSON cannot hold) neither enters the undo history nor counts as an edit.
   */
  restoreDraft: (workflow: WorkflowJson, nodes: GraphNode[], opts?: { quiet?: boolean }) => void;
};

export type FlowEditorProps = {
  initialWorkflow: WorkflowJson;
  initialLayout?: SavedLayout | null;
  env: EditorEnv;
  /** Problems by step id (as problemsByStep gives them), drawn on their nodes. */
  problems?: Map<string, string[]>;
  runPath?: RunPath | null;
  /** A real edit of the workflow (not a drag or a selection). */
  onChange?: (workflow: WorkflowJson) => void;
  /** Nodes were moved (dragged, auto-laid out, or moved back by undo), the workflow itself unchanged. */
  onLayoutChange?: () => void;
  /**
   * The page shows a column of its own (the test run) where the properties panel goes: both beside
   * the canvas would leave it a sliver at 1280 px, and one floating over the other hid the fields.
   * A boolean rather than the column itself, so the memoised canvas is not redrawn on every save.
   */
  hideProperties?: boolean;
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
const NO_PROBLEMS = new Map<string, string[]>();
const EDGE_OPTIONS = { type: 'smoothstep' };
const PRO = { hideAttribution: true };
const MULTI_SELECT = ['Meta', 'Control'];
const MINIMAP_STYLE = { width: 150, height: 100 };
// React Flow's own colours (background, edges, minimap, zoom controls) from the design tokens, which
// the dark theme swaps: one set of rules for both themes.
const CANVAS_THEME = {
  '--xy-background-color': 'var(--card)',
  '--xy-background-pattern-dots-color': 'var(--input)',
  '--xy-edge-stroke': 'color-mix(in srgb, var(--muted-foreground) 60%, var(--card))',
  '--xy-edge-stroke-selected': 'var(--primary)',
  '--xy-connectionline-stroke': 'var(--primary)',
  '--xy-minimap-background-color': 'var(--card)',
  '--xy-minimap-mask-background-color': 'color-mix(in srgb, var(--muted) 75%, transparent)',
  '--xy-minimap-node-background-color': 'var(--input)',
  '--xy-controls-button-background-color': 'var(--card)',
  '--xy-controls-button-background-color-hover': 'var(--muted)',
  '--xy-controls-button-color': 'var(--foreground)',
  '--xy-controls-button-color-hover': 'var(--foreground)',
  '--xy-controls-button-border-color': 'var(--border)',
  '--xy-selection-background-color': 'color-mix(in srgb, var(--primary) 8%, transparent)',
  '--xy-selection-border': '1px dotted var(--primary)',
} as CSSProperties;

function FlowEditorInner({
  initialWorkflow,
  initialLayout,
  env,
  problems = NO_PROBLEMS,
  runPath,
  onChange,
  onLayoutChange,
  hideProperties,
  ref,
}: FlowEditorProps) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const rootRef = useRef<HTMLDivElement>(null);
  const envelope = useRef<WorkflowEnvelope>(envelopeOf(initialWorkflow));
  // Only the first props matter: later workflows arrive through importWorkflow.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const history = useGraphHistory(useMemo(() => placeNodes(workflowToNodes(initialWorkflow), initialLayout), []));
  const { nodes, nodesRef, commit, record, setTransient } = history;
  const { edges, version } = useDerivedEdges(nodes);
  const [snap, setSnap] = useState(true);
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const selectedEdgesRef = useRef(selectedEdges);
  selectedEdgesRef.current = selectedEdges;
  const readOnly = env.readOnly;

  const workflow = useCallback(() => nodesToWorkflow(envelope.current, nodesRef.current), [nodesRef]);
  const { showAll, showOpening, focusStep } = useCanvasView(setTransient);

  // Tell the page about real edits (not drags or selection): it autosaves and validates.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const onLayoutRef = useRef(onLayoutChange);
  onLayoutRef.current = onLayoutChange;
  const firstVersion = useRef(version);
  // A quiet draft restore is no edit: the nodes it put on the canvas change nothing the page saves.
  const quietNodes = useRef<GraphNode[] | null>(null);
  useEffect(() => {
    if (version === firstVersion.current || nodesRef.current === quietNodes.current) return;
    onChangeRef.current?.(workflow());
  }, [version, workflow, nodesRef]);

  const relayout = useCallback(() => {
    commit((prev) => layoutGraph(prev));
    showAll(nodesRef.current, 200);
    onLayoutRef.current?.();
  }, [commit, showAll, nodesRef]);
  const fit = useCallback(() => showAll(nodesRef.current, 200), [showAll, nodesRef]);
  // Undo/redo may move nodes back without changing the workflow: their positions are saved too.
  const { undo: undoGraph, redo: redoGraph } = history;
  const undo = useCallback(() => void (undoGraph() && onLayoutRef.current?.()), [undoGraph]);
  const redo = useCallback(() => void (redoGraph() && onLayoutRef.current?.()), [redoGraph]);

  useImperativeHandle(
    ref,
    () => ({
      importWorkflow: (wf, layout) => {
        const next = placeNodes(workflowToNodes(wf), layout);
        envelope.current = envelopeOf(wf);
        commit(next);
        // Set in the same task as the nodes, so the first render is already in place; as a
        // workflow opens (readable, around its trigger), since this is opening one.
        showOpening(next);
      },
      getWorkflow: workflow,
      getLayout: () => layoutOf(nodesRef.current),
      focusStep,
      layout: relayout,
      getNodes: () => nodesRef.current,
      restoreDraft: (wf, list, opts) => {
        envelope.current = envelopeOf(wf);
        if (opts?.quiet) {
          quietNodes.current = list;
          setTransient(list);
        } else commit(list);
        showOpening(list);
      },
    }),
    [commit, setTransient, showAll, showOpening, workflow, nodesRef, focusStep, relayout],
  );

  // Problems and the run path are drawn on the nodes, without entering the undo history.
  const runState = useMemo(() => {
    const m = new Map<string, RunState>();
    for (const id of runPath?.visited ?? []) m.set(id, 'visited');
    if (runPath?.current) m.set(runPath.current, 'current');
    if (runPath?.failed) m.set(runPath.failed, 'failed');
    return m;
  }, [runPath]);
  const shownNodes = useCanvasNodes(nodes, problems, runState);
  const shownEdges = useCanvasEdges(edges, runPath?.visited, selectedEdges);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      if (readOnly) changes = changes.filter((c) => c.type === 'select' || c.type === 'dimensions');
      // Positions in the middle of a drag go straight into React Flow's store, as its uncontrolled
      // mode does, instead of through this component's state: a frame then re-renders the moved node
      // and its edges, not the editor and React Flow's whole tree twice. The drag's last change
      // (dragging: false) lands in the state below, so the canvas and the state agree again.
      if (changes.length && changes.every((c) => c.type === 'position' && c.dragging)) {
        const { nodes: current, setNodes } = store.getState();
        setNodes(applyNodeChanges(changes as NodeChange<Node>[], current));
        return;
      }
      const useful = changes.filter((c) => c.type !== 'remove');
      if (useful.length) setTransient((prev) => applyNodeChanges(useful as NodeChange<Node>[], prev as Node[]) as GraphNode[]);
    },
    [readOnly, setTransient, store],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const sel = changes.filter((c) => c.type === 'select');
    if (!sel.length) return;
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of sel) if (c.type === 'select') c.selected ? next.add(c.id) : next.delete(c.id);
      return next;
    });
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly) return;
      const problem = connectionProblem(nodesRef.current, c);
      if (problem !== null) return void (problem && toast.error(problem));
      commit((prev) => connectOutcome(prev, c.source, c.sourceHandle!, c.target));
    },
    [readOnly, nodesRef, commit],
  );

  // A drag is one undoable change, recorded at its start; its end is a layout change to save.
  const dragFrom = useRef<GraphNode[] | null>(null);
  const onNodeDragStart = useCallback(() => {
    dragFrom.current = nodesRef.current;
    record();
  }, [nodesRef, record]);
  const onNodeDragStop = useCallback(() => {
    const before = dragFrom.current;
    dragFrom.current = null;
    if (before && before.some((n, i) => n.position !== nodesRef.current[i]?.position)) onLayoutRef.current?.();
  }, [nodesRef]);

  const clearSelectedEdges = useCallback(() => setSelectedEdges(new Set()), []);
  const commands = useStepCommands({ readOnly, flow, rootRef, nodesRef, commit, setTransient, selectedEdges: selectedEdgesRef, clearSelectedEdges });
  const { remove, copy, paste, duplicate, selectAll, add } = commands;
  const shortcutHandlers = useMemo(
    () => ({ undo, redo, copy, paste, duplicate, remove, selectAll, layout: relayout, fit }),
    [undo, redo, copy, paste, duplicate, remove, selectAll, relayout, fit],
  );
  useEditorShortcuts(rootRef, shortcutHandlers, true);
  const onInit = useCallback(() => showOpening(nodesRef.current), [showOpening, nodesRef]);
  const onPaletteAdd = useCallback((t: CatalogStepType) => add(t), [add]);
  const toggleSnap = useCallback(() => setSnap((s) => !s), []);

  const selectedCount = useMemo(() => nodes.reduce((c, n) => c + (n.selected ? 1 : 0), 0), [nodes]);
  const singleId = selectedCount === 1 ? (nodes.find((n) => n.selected)?.id ?? null) : null;
  // The nodes as of the last real edit: what panels and pickers need, unchanged while a node is
  // dragged, so a drag re-renders neither the properties panel nor its script editors.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const structural = useMemo(() => nodesRef.current, [version]);
  const stepIds = useMemo(() => structural.filter(isStepNode).map((n) => n.id), [structural]);
  const triggerKind = structural.find(isTriggerNode)?.data.trigger ?? '';
  const paths = useKnownPaths(structural, triggerKind);
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
  useKeepInView(singleId, dragFrom);
  const onTriggerChange = useCallback(
    (d: Parameters<typeof TriggerPanel>[0]['data']) => commit((prev) => prev.map((n) => (isTriggerNode(n) ? { ...n, data: d } : n)), 'trigger'),
    [commit],
  );
  const hasSteps = useMemo(() => structural.some(isStepNode), [structural]);

  return (
    <ScriptPathsContext.Provider value={paths}>
      <div
        ref={rootRef}
        className="flex h-full min-h-0 w-full select-none overflow-hidden rounded-lg border bg-card"
        style={CANVAS_THEME}
        data-testid="flow-editor"
      >
        {!readOnly ? <Palette onAdd={onPaletteAdd} /> : null}
        <div className="relative min-w-0 flex-1" {...paletteDropTarget(add)}>
          {/* One row over the canvas that wraps: with the toolbar and the Shortcuts button placed
              apart, a narrow canvas (a side column open at 1280 px) drew one over the other. */}
          <div className="pointer-events-none absolute inset-x-2 top-2 z-10 flex flex-wrap items-start gap-2 *:pointer-events-auto">
            <EditorToolbar
              canUndo={history.canUndo}
              canRedo={history.canRedo}
              onUndo={undo}
              onRedo={redo}
              hasSelection={selectedCount > 0}
              canDelete={selectedCount > 0 || selectedEdges.size > 0}
              canPaste={commands.canPaste}
              onCopy={copy}
              onPaste={paste}
              onDuplicate={duplicate}
              onDelete={remove}
              onLayout={relayout}
              onFit={fit}
              snap={snap}
              onSnap={toggleSnap}
              readOnly={readOnly}
            />
            <CanvasHelp empty={!hasSteps} selectedCount={selectedCount} />
          </div>
          <ReactFlow
            nodes={shownNodes}
            edges={shownEdges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onNodeDragStart={onNodeDragStart}
            onNodeDragStop={onNodeDragStop}
            onInit={onInit}
            nodesDraggable={!readOnly}
            // Dragging moves a node without selecting it: the properties panel opening mid-drag would
            // narrow the canvas under the pointer.
            selectNodesOnDrag={false}
            nodesConnectable={!readOnly}
            deleteKeyCode={null}
            multiSelectionKeyCode={MULTI_SELECT}
            selectionKeyCode="Shift"
            snapToGrid={snap}
            snapGrid={SNAP}
            minZoom={MIN_ZOOM}
            onlyRenderVisibleElements
            defaultEdgeOptions={EDGE_OPTIONS}
            proOptions={PRO}
          >
            <Background variant={BackgroundVariant.Dots} gap={15} size={1} />
            <MiniMap pannable zoomable className="overflow-hidden rounded-md border" style={MINIMAP_STYLE} nodeStrokeWidth={3} />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        {!hideProperties && panelNode && (isStepNode(panelNode) || isTriggerNode(panelNode)) ? (
          <aside className="w-72 shrink-0 select-text overflow-y-auto border-l p-3" aria-label="Properties">
            {isStepNode(panelNode) ? (
              <PropertiesPanel key={panelNode.id} node={panelNode} nodes={structural} panel={panel} onRename={onRename} onDelete={onDeleteSelected} />
            ) : isTriggerNode(panelNode) ? (
              <TriggerPanel data={panelNode.data} onChange={onTriggerChange} />
            ) : null}
          </aside>
        ) : null}
      </div>
    </ScriptPathsContext.Provider>
  );
}
