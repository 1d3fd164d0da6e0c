import { z } from 'zod';
import { clip, textOf } from '@/lib/automation/graph/summary-text';
import { hasTemplate } from '@/lib/automation/script/templates';
import { defineStep } from './define-step';
import { entries, inputsOf, raw, str, textOr } from './lenient-inputs';

const METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;

/** HttpRequest: `parameters` become the query string; `timeoutSeconds` defaults to 30 and is capped at 300. */
export const httpRequestDefinition = defineStep({
  type: 'HttpRequest',
  label: 'HTTP request',
  category: 'Integrations',
  description: 'Call an API and use its response',
  inputs: inputsOf({
    url: textOr(''),
    method: z
      .unknown()
      .optional()
      .transform((v) => (str(v) ?? 'GET').toUpperCase()),
    headers: entries(),
    parameters: entries(),
    body: raw(),
    // Saving refuses other values; one that a script computed at run time falls back to the default.
    timeoutSeconds: z
      .unknown()
      .optional()
      .transform((v) => (Number(v ?? 30) > 0 ? Math.min(Number(v ?? 30), 300) : 30)),
  }),
  defaults: { inputs: { url: 'https://', method: 'GET' }, outputs: { httpCode: '{{step.responseCode}}', httpResponse: '{{step.responseBody}}' } },
  validate(check) {
    check.require('url');
    const method = check.inputs.method;
    if (typeof method === 'string' && !hasTemplate(method) && !METHOD.test(method)) check.error('inputs.method', `'${method}' is not an HTTP method`);
    const t = check.inputs.timeoutSeconds;
    if (t !== undefined && !(typeof t === 'string' && hasTemplate(t)) && !(Number(t) > 0 && Number(t) <= 300))
      check.error('inputs.timeoutSeconds', 'timeoutSeconds must be a number of seconds between 1 and 300');
  },
  outputs: { responseCode: '', reasonPhrase: '', responseBody: '' },
  summarize: (inputs) => `${textOf(inputs.method || 'GET').toUpperCase()} ${clip(textOf(inputs.url), 48)}`,
});
