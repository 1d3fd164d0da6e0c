import type { NodeTypes } from '@xyflow/react';
import { STEP_TYPES } from '@/lib/automation/graph/step-catalog';
import { GroupNode } from './group-node';
import { StepNode } from './step-node';
import { TriggerNode } from './trigger-node';

/** One node type per step type (all drawn by StepNode, which picks icon and handles by type). */
export const NODE_TYPES: NodeTypes = {
  trigger: TriggerNode as NodeTypes[string],
  doGroup: GroupNode as NodeTypes[string],
  Unknown: StepNode as NodeTypes[string],
  ...Object.fromEntries(STEP_TYPES.map((t) => [t, StepNode as NodeTypes[string]])),
};
