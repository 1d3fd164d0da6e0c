import type { Db } from '@/lib/db/client';
import type { Step, Tx } from '@/lib/db/tx';
import type { StepDefinition } from '@/lib/automation/definition/definition-schema';

export type InstanceRef = {
  id: string;
  accountId: string;
  subAccountId: string;
  definitionId: string;
  version: number;
  trigger: string;
};

export type StepContext = {
  db: Db;
  instance: InstanceRef;
  step: StepDefinition;
  /** Position of this step run in the instance: with the step id it keys idempotent sends. */
  seq: number;
  data: Record<string, unknown>;
  /** The step's inputs with every script evaluated (what the timeline shows). */
  inputs: Record<string, unknown>;
  /** The number this instance last called with VoiceMessage (WaitForDTMF correlates key presses by it). */
  lastCall: { subAccountId: string; destination: string } | null;
  /**
   * Stores the instance's progress up to this step (the runs of the steps before it) in the caller's
   * write transaction. A step whose effect is a write of its own (a send) calls it in that transaction,
   * so progress and effect commit together, and returns 'done' only once that transaction committed.
   * Throws LostLease when this runner no longer holds the instance, refusing the effect.
   */
  persistWith: (t: Tx) => Step<void>;
};

export type WaitSpec = {
  kind: 'timer' | 'reply' | 'dtmf';
  key?: string | null;
  address?: string | null;
  until: Date;
};

export type StepOutcome =
  | { kind: 'done'; results: Record<string, unknown>; enterDo?: boolean }
  | { kind: 'wait'; wait: WaitSpec; results?: Record<string, unknown> }
  | { kind: 'fail'; error: string; results?: Record<string, unknown> };

/** What ended a wait: stored with the compare-and-swap that resumed the instance. */
export type ResumeValue = { kind: 'timeout' } | { kind: 'reply'; event: Record<string, unknown> } | { kind: 'dtmf'; dtmf: Record<string, unknown> };

export type Executor = {
  run(ctx: StepContext): Promise<StepOutcome>;
  /** Wait steps: the results once the wait ended. */
  resume?(ctx: StepContext, value: ResumeValue): StepOutcome;
};

/** Marks a failure worth retrying (the database was busy), as opposed to a step that failed. */
export class TransientError extends Error {}

/** Another runner took the instance over (our lease lapsed while we stalled): stop, store nothing. */
export class LostLease extends Error {}
