import { describeCondition } from './describe-condition';
import { describeDuration } from './duration';
import { canonicalStepType } from './step-catalog';
import type { StepJson } from './types';

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v));
const clip = (s: string, n = 60) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The one line under a node's title: message preview, duration, URL or condition. */
export function summarizeStep(step: StepJson): string {
  const inputs = obj(step.inputs);
  switch (canonicalStepType(step.stepType)) {
    case 'SMS':
      return inputs.text ? `“${clip(str(inputs.text))}”` : 'No text yet';
    case 'ChatAppsMessage': {
      const content = obj(inputs.content);
      const template = obj(content.template);
      if (template.name) return `Template ${str(template.name)}`;
      if (content.text) return `“${clip(str(content.text))}”`;
      if (obj(content.interactive).body) return `Buttons: “${clip(str(obj(obj(content.interactive).body).text))}”`;
      return inputs.type && inputs.type !== 'text' ? `${str(inputs.type)} message` : 'No text yet';
    }
    case 'HttpRequest':
      return `${str(inputs.method || 'GET').toUpperCase()} ${clip(str(inputs.url), 48)}`;
    case 'Wait':
      return `Wait ${describeDuration(str(inputs.duration))}`;
    case 'If':
      return `If ${describeCondition(str(inputs.condition) || null)}`;
    case 'Branch':
      return 'First matching condition';
    case 'WaitForReply':
      return `Reply on ${str(inputs.channel) || 'any channel'} · timeout ${inputs.timeout ? describeDuration(str(inputs.timeout)) : '1 d'}`;
    case 'VoiceMessage': {
      const params = obj(inputs.params);
      return `${str(inputs.action) || 'say'}: ${clip(str(params.text || params.url || params.fileUrl) || 'no message yet', 44)}`;
    }
    case 'WaitForDTMF':
      return `Key press · timeout ${inputs.timeout ? describeDuration(str(inputs.timeout)) : '1 d'}`;
    case 'JumpTo':
      return step.nextStepId ? `Continue at ${step.nextStepId}` : 'Pick a step to jump to';
    case 'SendToConverse':
      return 'Hand over to a live agent';
    default:
      return `Unknown step type ${step.stepType}`;
  }
}
