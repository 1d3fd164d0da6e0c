import { STEP_RESULT_PATHS } from '@/lib/automation/steps/step-definitions';
import { isStepNode, type GraphNode } from './types';

// What a script can read, for the script editor's autocomplete: the trigger's data, every data key
// that a step's outputs set, the step.* results, and the helper functions with their signatures.

const TRIGGER_PATHS: Record<string, string[]> = {
  inbound_chat_apps: [
    'data.namespace',
    'data.eventType',
    'data.payload.umid',
    'data.payload.subAccountId',
    'data.payload.user.msisdn',
    'data.payload.user.channelUserId',
    'data.payload.user.name',
    'data.payload.channel',
    'data.payload.type',
    'data.payload.content.text',
    'data.payload.timestamp',
  ],
  inbound_sms: [
    'data.namespace',
    'data.eventType',
    'data.payload.umid',
    'data.payload.subAccountId',
    'data.payload.source',
    'data.payload.destination',
    'data.payload.text',
    'data.payload.receivedAt',
    'data.payload.user.msisdn',
    'data.payload.content.text',
    'data.payload.timestamp',
  ],
  http_request: [],
};

// The step.* results every step type documents (each definition's `outputs`).
export { STEP_RESULT_PATHS };

export const HELPER_SIGNATURES = [
  { name: 'isCountryCode', signature: "isCountryCode(phoneNumber, 'SG')", info: 'True when the phone number belongs to the country (ISO code)' },
  { name: 'stringContains', signature: 'stringContains(source, value, ignoreCase = false)', info: 'True when source contains value' },
  {
    name: 'isTimeOfDayBetween',
    signature: "isTimeOfDayBetween(timestamp, '09:00:00', '18:00:00', 'Singapore Standard Time')",
    info: 'True when the time of day falls in the range, in a Windows time zone',
  },
  { name: 'isDayOfWeek', signature: "isDayOfWeek(date, 'Tuesday')", info: 'True when the date falls on the day (any case)' },
  { name: 'uuid', signature: 'uuid()', info: 'A new random UUID' },
];

/** data.* paths known from the trigger and from every step's outputs (including outputs nested in inputs). */
export function knownDataPaths(nodes: GraphNode[], trigger: string, samplePaths: string[] = []): string[] {
  const out = new Set<string>([...(TRIGGER_PATHS[trigger] ?? []), ...samplePaths]);
  for (const n of nodes) {
    if (!isStepNode(n)) continue;
    const outputs = { ...((n.data.step.inputs?.outputs as Record<string, unknown>) ?? {}), ...(n.data.step.outputs ?? {}) };
    for (const key of Object.keys(outputs)) out.add(`data.${key}`);
  }
  return [...out].sort();
}

/** data.* paths from a sample JSON body (HTTP trigger), two levels deep. */
export function pathsFromSample(sample: unknown, prefix = 'data', depth = 3): string[] {
  if (!sample || typeof sample !== 'object' || Array.isArray(sample) || depth === 0) return [];
  return Object.entries(sample as Record<string, unknown>).flatMap(([k, v]) => [`${prefix}.${k}`, ...pathsFromSample(v, `${prefix}.${k}`, depth - 1)]);
}
