import { ValidationError } from '@/lib/errors';
import { canonicalStepType } from './step-catalog';
import { groupNodeId, TRIGGER_NODE_ID, type Branch, type GraphNode, type StepJson, type WorkflowJson } from './types';

/** The node `type` for a step: its catalog type, so each step type gets its own node component. */
export function nodeTypeFor(stepType: string): string {
  return canonicalStepType(stepType) ?? 'Unknown';
}

function branchesOf(step: StepJson): Branch[] | null {
  if (!step.selectNextStep || typeof step.selectNextStep !== 'object') return null;
  return Object.entries(step.selectNextStep).map(([target, condition]) => ({ target, condition: condition ?? null }));
}

function withoutFlowKeys(step: StepJson): StepJson {
  const { selectNextStep: _s, do: _d, ...rest } = step;
  return rest as StepJson;
}

/**
 * Turns an 8x8 workflow into canvas nodes (positions left at 0; see layoutGraph). The trigger comes
 * first, then the steps in definition order; an If's "do" sequences become group nodes right after
 * it, holding their steps as children, so the definition order can be rebuilt from the array order.
 */
export function workflowToNodes(workflow: WorkflowJson): GraphNode[] {
  const steps = workflow?.definition?.steps;
  if (!Array.isArray(steps))
    throw new ValidationError('The workflow has no definition.steps list', [{ path: 'definition.steps', message: 'Must be a list of steps' }]);
  const seen = new Set<string>();
  const nodes: GraphNode[] = [
    {
      id: TRIGGER_NODE_ID,
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { trigger: String(workflow.trigger ?? 'inbound_chat_apps'), subAccountId: String(workflow.subAccountId ?? '') },
    },
  ];

  const addStep = (step: StepJson, path: string, parentId?: string) => {
    if (!step || typeof step !== 'object' || typeof step.id !== 'string' || !step.id) {
      throw new ValidationError('Every step needs an id', [{ path: `${path}.id`, message: 'Every step needs an id' }]);
    }
    if (seen.has(step.id))
      throw new ValidationError(`Step id "${step.id}" is used twice`, [{ path: `${path}.id`, message: `Step id "${step.id}" is used twice` }]);
    seen.add(step.id);
    nodes.push({
      id: step.id,
      type: nodeTypeFor(step.stepType),
      position: { x: 0, y: 0 },
      data: { step: withoutFlowKeys(step), branches: branchesOf(step), ...(Array.isArray(step.do) ? { doCount: step.do.length } : {}) },
      ...(parentId ? { parentId, extent: 'parent' as const } : {}),
    });
    if (Array.isArray(step.do)) {
      step.do.forEach((sequence, i) => {
        const gid = groupNodeId(step.id, i);
        nodes.push({ id: gid, type: 'doGroup', position: { x: 0, y: 0 }, data: { ifId: step.id, index: i } });
        (Array.isArray(sequence) ? sequence : []).forEach((child, j) => addStep(child, `${path}.do.${i}.${j}`, gid));
      });
    }
  };
  steps.forEach((s, i) => addStep(s, `definition.steps.${i}`));
  return nodes;
}
