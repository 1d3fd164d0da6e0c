import type { z } from 'zod';

// What a step type is, apart from how it runs: its inputs, what a new one starts with, what saving
// checks, what it outputs, and how the editor names and summarises it. Typebot's block schema is the
// model (packages/blocks/logic/src/wait/schema.ts). Each lib/automation/steps/<type>-definition.ts
// holds one; the executor beside it (<type>.ts) is server-only, this half is not: the editor and the
// validation worker import it, so a definition must import nothing that reaches lib/db or the network.

export type StepCategory = 'Messages' | 'Flow' | 'Integrations' | 'Voice';

type Raw = Record<string, unknown>;

/**
 * Save-time checks of one step (validate-definition.ts builds it). Paths are relative to the step;
 * messages name the step type ("SMS needs inputs.text").
 */
export type StepCheck = {
  /** The step as written, and its inputs ({} when absent or not an object). */
  step: Raw;
  inputs: Raw;
  /** Reports "<type> needs inputs.<key>" when the input (a dotted path) is absent or empty; returns it. */
  require(key: string): unknown;
  /** Reports a value that is neither a duration nor a {{script}}. */
  duration(key: string, value: unknown): void;
  /** Reports an input that is neither an object nor a {{script}}. */
  object(key: string): void;
  error(field: string, message: string): void;
};

/** What a step dropped from the palette starts with (copied for each new step). */
export type StepDefaults = {
  inputs?: Raw;
  outputs?: Raw;
  /** selectNextStep entries to start with (targets left to the user); null: none. */
  branches?: Array<{ condition: string | null }>;
};

export type StepSpec<T extends string = string, S extends z.ZodType<Raw, unknown> = z.ZodType<Raw, unknown>> = {
  type: T;
  label: string;
  category: StepCategory;
  /** One line for the palette. */
  description: string;
  /** The run-time reader of the inputs (lenient-inputs.ts): the executor gets its output. */
  inputs: S;
  defaults: StepDefaults;
  validate?: (check: StepCheck) => void;
  /** The step.* results it documents, each with a note for the editor's hint ('' for none). */
  outputs: Record<string, string>;
  /** The line under the node's title on the canvas. */
  summarize: (inputs: Raw, step: { stepType: string; nextStepId?: unknown }) => string;
};

export type StepInputs<D extends { inputs: z.ZodType }> = z.output<D['inputs']>;

/** Keeps the literal type name, so the list of definitions is the list of step types. */
export function defineStep<const T extends string, S extends z.ZodType<Raw, unknown>>(spec: StepSpec<T, S>): StepSpec<T, S> {
  return spec;
}
