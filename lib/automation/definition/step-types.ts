// The step types of the 8x8 Automation API. Definitions may spell them in any case ("branch" in the
// reference "Keyword detection" example); we store the canonical spelling.
export const STEP_TYPES = [
  'SMS',
  'ChatAppsMessage',
  'HttpRequest',
  'Wait',
  'If',
  'Branch',
  'WaitForReply',
  'VoiceMessage',
  'WaitForDTMF',
  'JumpTo',
  'SendToConverse',
] as const;

export type StepType = (typeof STEP_TYPES)[number];

const byLower = new Map<string, StepType>(STEP_TYPES.map((t) => [t.toLowerCase(), t]));

/** The canonical spelling of a step type, or null when it names none. */
export function canonicalStepType(value: unknown): StepType | null {
  return typeof value === 'string' ? (byLower.get(value.toLowerCase()) ?? null) : null;
}

export const TRIGGERS = ['inbound_chat_apps', 'inbound_sms', 'http_request'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const WORKFLOW_STATUSES = ['enabled', 'disabled'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
