import type { TemplateComponent } from '@/lib/templates/template-schema';
import { fillTemplateComponents, sampleValues } from '@/lib/templates/template-slots';

type Template = { name?: string; language?: string; components: TemplateComponent[] };

/**
 * A ready-to-send 8x8 payload for a template (the reference "Template Sending Payload"), filled with
 * the template's sample values, for the designer's Code tab. It passes checkSendParameters.
 */
export function buildSendPayload(t: Template, msisdn = '+15551234567') {
  return templateSendPayload(t, msisdn, sampleValues(t));
}

/**
 * The 8x8 send payload for a template with the values a person typed, key → value as templateSlots
 * names them (the template page's Send). The send pipeline checks it as it checks the API's.
 */
export function templateSendPayload(t: Template, msisdn: string, values: Record<string, string | undefined>) {
  return {
    user: { msisdn },
    type: 'template',
    content: { template: { language: t.language ?? '', name: t.name ?? '', components: fillTemplateComponents(t, values) } },
  };
}

/** The payload as curl, for copying into a terminal. */
export function curlFor(url: string, body: unknown): string {
  const json = JSON.stringify(body, null, 2).replace(/'/g, `'\\''`);
  // Double quotes around the header so the shell expands $PARLEY_API_KEY.
  return `curl -X POST '${url}' \\\n  -H "Authorization: Bearer $PARLEY_API_KEY" \\\n  -H 'Content-Type: application/json' \\\n  -d '${json}'`;
}
