// The step types of the 8x8 Automation API. The list is the list of step definitions
// (lib/automation/steps/step-definitions.ts); it is re-exported here for the definition schema, the
// API and the workflow records. Definitions may spell a type in any case; we store the canonical one.
export { STEP_TYPES, canonicalStepType, type StepType } from '@/lib/automation/steps/step-definitions';

export const TRIGGERS = ['inbound_chat_apps', 'inbound_sms', 'http_request'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const WORKFLOW_STATUSES = ['enabled', 'disabled'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
