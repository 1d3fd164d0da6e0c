// The editor's view of a workflow. Kept structurally compatible with @xyflow/react's Node/Edge so the
// canvas can use these objects directly, without lib/ depending on React.

/** One step exactly as the 8x8 JSON has it; unknown properties are kept so export loses nothing. */
export type StepJson = {
  id: string;
  stepType: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  nextStepId?: string;
  selectNextStep?: Record<string, string | null>;
  do?: StepJson[][];
  [key: string]: unknown;
};

export type TriggerKind = 'inbound_chat_apps' | 'inbound_sms' | 'http_request';

/** The whole workflow document as the 8x8 API takes it (import/export format). */
export type WorkflowJson = {
  subAccountId?: string;
  trigger?: string;
  status?: string;
  definition: { name?: string; steps: StepJson[]; [key: string]: unknown };
  [key: string]: unknown;
};

/** A selectNextStep entry: the target step id (the key) and its condition (null = otherwise). */
export type Branch = { target: string; condition: string | null };

/** A step on the canvas: the step without `selectNextStep` and `do`, which live in branches / groups. */
/** `doCount` is how many "do" groups an If has (kept here so a node can draw its handles alone). */
export type StepNodeData = { step: StepJson; branches: Branch[] | null; doCount?: number; problems?: string[]; runState?: RunState };
export type TriggerNodeData = { trigger: string; subAccountId: string };
export type GroupNodeData = { ifId: string; index: number };

export type RunState = 'visited' | 'current' | 'failed';

export type GraphNode =
  | { id: string; type: 'trigger'; position: XY; data: TriggerNodeData; width?: number; height?: number; selected?: boolean }
  | {
      id: string;
      type: 'doGroup';
      position: XY;
      data: GroupNodeData;
      parentId?: undefined;
      width?: number;
      height?: number;
      style?: Record<string, unknown>;
      selected?: boolean;
      zIndex?: number;
    }
  | { id: string; type: string; position: XY; data: StepNodeData; parentId?: string; extent?: 'parent'; width?: number; height?: number; selected?: boolean };

export type StepGraphNode = Extract<GraphNode, { data: StepNodeData }>;

export type XY = { x: number; y: number };

export type GraphEdge = {
  id: string;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle?: string;
  label?: string;
  type?: string;
  deletable?: boolean;
  selectable?: boolean;
  data?: { kind: 'next' | 'branch' | 'do' | 'start'; otherwise?: boolean };
};

export const TRIGGER_NODE_ID = '__trigger';

export function isStepNode(n: GraphNode): n is StepGraphNode {
  return n.type !== 'trigger' && n.type !== 'doGroup';
}

export function groupNodeId(ifId: string, index: number): string {
  return `${ifId}::do${index}`;
}

export type GroupGraphNode = Extract<GraphNode, { type: 'doGroup' }>;
export type TriggerGraphNode = Extract<GraphNode, { type: 'trigger' }>;

export function isGroupNode(n: GraphNode): n is GroupGraphNode {
  return n.type === 'doGroup';
}

export function isTriggerNode(n: GraphNode): n is TriggerGraphNode {
  return n.type === 'trigger';
}
