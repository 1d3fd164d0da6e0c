import { isGroupNode, isStepNode, isTriggerNode, type GraphNode, type StepGraphNode, type StepJson, type WorkflowJson } from './types';

/** The definition steps the canvas shows, in definition order (the inverse of workflowToNodes). */
export function nodesToSteps(nodes: GraphNode[]): StepJson[] {
  const groupsOf = new Map<string, Array<{ id: string; index: number }>>();
  const childrenOf = new Map<string, StepGraphNode[]>();
  for (const n of nodes) {
    if (isGroupNode(n)) {
      const list = groupsOf.get(n.data.ifId as string) ?? [];
      list.push({ id: n.id, index: n.data.index as number });
      groupsOf.set(n.data.ifId as string, list);
    } else if (isStepNode(n) && n.parentId) {
      const list = childrenOf.get(n.parentId) ?? [];
      list.push(n);
      childrenOf.set(n.parentId, list);
    }
  }
  const toStep = (n: StepGraphNode): StepJson => {
    const step: StepJson = { ...n.data.step };
    if (n.data.branches) {
      step.selectNextStep = Object.fromEntries(n.data.branches.filter((b) => b.target).map((b) => [b.target, b.condition]));
    }
    const groups = groupsOf.get(n.id);
    if (groups) {
      step.do = [...groups].sort((a, b) => a.index - b.index).map((g) => (childrenOf.get(g.id) ?? []).map(toStep));
    }
    return step;
  };
  return nodes.filter((n): n is StepGraphNode => isStepNode(n) && !n.parentId).map(toStep);
}

/** The envelope of a workflow (everything but the steps), which the canvas does not edit. */
export type WorkflowEnvelope = Omit<WorkflowJson, 'definition'> & { definition: Omit<WorkflowJson['definition'], 'steps'> };

export function envelopeOf(workflow: WorkflowJson): WorkflowEnvelope {
  const { definition, ...rest } = workflow;
  const { steps: _steps, ...defRest } = definition ?? { steps: [] };
  return { ...rest, definition: defRest };
}

/** Rebuilds the 8x8 workflow JSON: envelope + trigger node settings + steps. */
export function nodesToWorkflow(envelope: WorkflowEnvelope, nodes: GraphNode[]): WorkflowJson {
  const trigger = nodes.find(isTriggerNode);
  const out: WorkflowJson = { ...envelope, definition: { ...envelope.definition, steps: nodesToSteps(nodes) } };
  if (trigger) {
    if (trigger.data.trigger) out.trigger = trigger.data.trigger;
    if (trigger.data.subAccountId || envelope.subAccountId !== undefined) out.subAccountId = trigger.data.subAccountId;
  }
  return out;
}
