import type { Branch, StepJson } from './types';

// Every step type the editor offers, with what a new one starts with. The `stepType` spelling in a
// definition is matched case-insensitively (the reference "Keyword detection" example says "branch").

export const STEP_TYPES = [
  'ChatAppsMessage',
  'SMS',
  'WaitForReply',
  'Branch',
  'If',
  'Wait',
  'HttpRequest',
  'JumpTo',
  'SendToConverse',
  'VoiceMessage',
  'WaitForDTMF',
] as const;

export type CatalogStepType = (typeof STEP_TYPES)[number];

export type StepTypeInfo = {
  type: CatalogStepType;
  label: string;
  category: 'Messages' | 'Flow' | 'Integrations' | 'Voice';
  description: string;
};

export const STEP_INFO: Record<CatalogStepType, StepTypeInfo> = {
  ChatAppsMessage: { type: 'ChatAppsMessage', label: 'Chat Apps message', category: 'Messages', description: 'Send a WhatsApp, Viber or other chat apps message' },
  SMS: { type: 'SMS', label: 'SMS message', category: 'Messages', description: 'Send an SMS to a recipient' },
  WaitForReply: { type: 'WaitForReply', label: 'Wait for reply', category: 'Flow', description: 'Pause until the customer replies, or time out' },
  Branch: { type: 'Branch', label: 'Branch', category: 'Flow', description: 'Take the first path whose condition is true' },
  If: { type: 'If', label: 'If condition', category: 'Flow', description: 'Run a sequence of steps when a condition holds' },
  Wait: { type: 'Wait', label: 'Wait', category: 'Flow', description: 'Wait for a duration before the next step' },
  HttpRequest: { type: 'HttpRequest', label: 'HTTP request', category: 'Integrations', description: 'Call an API and use its response' },
  JumpTo: { type: 'JumpTo', label: 'Jump to', category: 'Flow', description: 'Continue at another step' },
  SendToConverse: { type: 'SendToConverse', label: 'Send to Converse', category: 'Integrations', description: 'Hand the conversation to a live agent' },
  VoiceMessage: { type: 'VoiceMessage', label: 'Voice message', category: 'Voice', description: 'Call and say or play a message' },
  WaitForDTMF: { type: 'WaitForDTMF', label: 'Wait for DTMF', category: 'Voice', description: 'Wait for key presses after a voice message' },
};

const BY_LOWER = new Map(STEP_TYPES.map((t) => [t.toLowerCase(), t]));

/** The catalog type for a definition's stepType, or null for a type the editor does not know. */
export function canonicalStepType(stepType: string): CatalogStepType | null {
  return BY_LOWER.get(String(stepType).toLowerCase()) ?? null;
}

/** Whether a step of this type chooses its next step only through selectNextStep. */
export function isBranchOnly(stepType: string): boolean {
  return canonicalStepType(stepType) === 'Branch';
}

/** A fresh step of a type, as dropped from the palette. */
export function newStep(type: CatalogStepType, id: string): { step: StepJson; branches: Branch[] | null } {
  const msisdn = '{{data.payload.user.msisdn}}';
  switch (type) {
    case 'ChatAppsMessage':
      return { step: { id, stepType: type, inputs: { subAccountId: '', user: { msisdn }, type: 'text', content: { text: '' } } }, branches: null };
    case 'SMS':
      return { step: { id, stepType: type, inputs: { subAccountId: '', source: '', destination: '{{data.payload.source}}', text: '' } }, branches: null };
    case 'WaitForReply':
      return {
        step: { id, stepType: type, inputs: { from: msisdn, channel: 'whatsapp', timeout: '00:05:00' }, outputs: { reply: '{{step.reply}}' } },
        branches: [
          { target: '', condition: '{{step.reply != null}}' },
          { target: '', condition: '{{step.reply == null}}' },
        ],
      };
    case 'Branch':
      return { step: { id, stepType: type }, branches: [{ target: '', condition: "{{stringContains(data.payload.content.text, 'yes', true)}}" }, { target: '', condition: null }] };
    case 'If':
      return { step: { id, stepType: type, inputs: { condition: '{{true}}' } }, branches: null };
    case 'Wait':
      return { step: { id, stepType: type, inputs: { duration: '00:05:00' } }, branches: null };
    case 'HttpRequest':
      return {
        step: { id, stepType: type, inputs: { url: 'https://', method: 'GET' }, outputs: { httpCode: '{{step.responseCode}}', httpResponse: '{{step.responseBody}}' } },
        branches: null,
      };
    case 'JumpTo':
      return { step: { id, stepType: type }, branches: null };
    case 'SendToConverse':
      return { step: { id, stepType: type, inputs: {} }, branches: null };
    case 'VoiceMessage':
      return {
        step: {
          id,
          stepType: type,
          inputs: {
            subAccountId: '',
            clientRequestId: '{{uuid()}}',
            action: 'say',
            params: { source: '', destination: '{{data.payload.user.msisdn}}', text: '', repetition: 1, voiceProfile: 'en-US-ZiraRUS', speed: 1 },
          },
          outputs: { response: '{{step.response}}' },
        },
        branches: null,
      };
    case 'WaitForDTMF':
      return {
        step: { id, stepType: type, inputs: { dtmfRequestId: '{{data.clientRequestId}}', timeout: '00:02:00' }, outputs: { dtmf: '{{step.dtmfData.actionDetails.dtmf}}' } },
        branches: [
          { target: '', condition: "{{data.dtmf == '1'}}" },
          { target: '', condition: '{{data.dtmf == null}}' },
        ],
      };
  }
}
