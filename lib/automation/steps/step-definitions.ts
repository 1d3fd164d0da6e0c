import type { StepSpec } from './define-step';
import { smsDefinition } from './sms-definition';
import { chatAppsMessageDefinition } from './chat-apps-message-definition';
import { httpRequestDefinition } from './http-request-definition';
import { waitDefinition } from './wait-definition';
import { ifDefinition } from './if-definition';
import { branchDefinition } from './branch-definition';
import { waitForReplyDefinition } from './wait-for-reply-definition';
import { voiceMessageDefinition } from './voice-message-definition';
import { waitForDtmfDefinition } from './wait-for-dtmf-definition';
import { jumpToDefinition } from './jump-to-definition';
import { sendToConverseDefinition } from './send-to-converse-definition';

// The one list of step types: a type exists when its definition is listed here. The exhaustive maps
// keyed by StepType (EXECUTORS in ./index.ts, the editor's panels and icons) then fail to compile until
// the new type has its executor, panel and icon. Order: the 8x8 Automation API's, as error messages list them.
const DEFINITIONS = [
  smsDefinition,
  chatAppsMessageDefinition,
  httpRequestDefinition,
  waitDefinition,
  ifDefinition,
  branchDefinition,
  waitForReplyDefinition,
  voiceMessageDefinition,
  waitForDtmfDefinition,
  jumpToDefinition,
  sendToConverseDefinition,
] as const;

export type StepType = (typeof DEFINITIONS)[number]['type'];

export const STEP_TYPES: readonly StepType[] = DEFINITIONS.map((d) => d.type);

const BY_TYPE = Object.fromEntries(DEFINITIONS.map((d) => [d.type, d])) as unknown as Record<StepType, StepSpec<StepType>>;
// Definitions may spell a type in any case ("branch" in the reference "Keyword detection" example).
const BY_LOWER = new Map<string, StepType>(STEP_TYPES.map((t) => [t.toLowerCase(), t]));

/** The canonical spelling of a step type, or null when it names none. */
export function canonicalStepType(value: unknown): StepType | null {
  return typeof value === 'string' ? (BY_LOWER.get(value.toLowerCase()) ?? null) : null;
}

export function stepDefinition(type: StepType): StepSpec<StepType> {
  return BY_TYPE[type];
}

/** The editor's "Available: …" hint for a step's outputs, or undefined when it documents none. */
export function outputHint(type: StepType): string | undefined {
  const names = Object.entries(stepDefinition(type).outputs).map(([name, note]) => (note ? `step.${name} (${note})` : `step.${name}`));
  return names.length ? names.join(', ') : undefined;
}

/** Every step.* result some step type documents, for the script editor's autocomplete. */
export const STEP_RESULT_PATHS: readonly string[] = [...new Set(DEFINITIONS.flatMap((d) => Object.keys(d.outputs).map((name) => `step.${name}`)))];
