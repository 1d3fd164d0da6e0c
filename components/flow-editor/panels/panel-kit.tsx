'use client';

import type { StepGraphNode, StepJson, StepNodeData } from '@/lib/automation/graph/types';

export type PanelProps = {
  node: StepGraphNode;
  /** Change the node's data; `key` groups keystrokes in one field into one undo step. */
  update: (fn: (data: StepNodeData) => StepNodeData, key?: string) => void;
  trigger: string;
  stepIds: string[];
  /** If only: adds another "do" sequence. */
  onAddSequence?: () => void;
};

type Json = Record<string, unknown>;

/** Immutable set at a path; undefined deletes the key (and empties parents are kept). */
export function setIn(obj: Json | undefined, path: string[], value: unknown): Json {
  const [head, ...rest] = path;
  const base: Json = { ...(obj ?? {}) };
  if (!head) return base;
  if (rest.length === 0) {
    if (value === undefined) delete base[head];
    else base[head] = value;
    return base;
  }
  base[head] = setIn((base[head] as Json) ?? {}, rest, value);
  return base;
}

export function getIn(obj: unknown, path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), obj);
}

/** Bindings for one step's inputs: read a path, write a path. */
export function useInputs({ node, update }: PanelProps) {
  const step = node.data.step;
  const str = (...path: string[]) => {
    const v = getIn(step.inputs, path);
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  };
  const set = (path: string[], value: unknown) =>
    update((d) => ({ ...d, step: { ...d.step, inputs: setIn(d.step.inputs, path, value) } }), `${node.id}:inputs.${path.join('.')}`);
  const setStep = (patch: (s: StepJson) => StepJson, key: string) => update((d) => ({ ...d, step: patch(d.step) }), `${node.id}:${key}`);
  return { step, str, get: (...path: string[]) => getIn(step.inputs, path), set, setStep };
}
