import type { TemplateComponent } from '@/lib/templates/template-schema';
import { buttonType, headerFormat, templateParts } from '@/lib/templates/template-parts';
import { variableCount, variablesIn } from '@/lib/templates/template-variables';

type Template = { name?: string; language?: string; components: TemplateComponent[] };
type SendComponent = Record<string, unknown>;

/**
 * A ready-to-send 8x8 payload for a template (the reference "Template Sending Payload"), filled with
 * the template's sample values, for the designer's Code tab. It passes checkSendParameters.
 */
export function buildSendPayload(t: Template, msisdn = '+15551234567') {
  return {
    user: { msisdn },
    type: 'template',
    content: { template: { language: t.language ?? '', name: t.name ?? '', components: sendComponents(t.components, true) } },
  };
}

function sendComponents(components: TemplateComponent[], top: boolean): SendComponent[] {
  const parts = templateParts(components);
  const out: SendComponent[] = [];
  const sample = (examples: string[] | undefined, k: number) => examples?.[k]?.trim() || `value${k + 1}`;
  const format = headerFormat(parts.header);
  if (format === 'TEXT' && variableCount(parts.header?.text)) {
    out.push({ type: 'header', parameters: [{ type: 'text', text: sample(parts.header?.examples, 0) }] });
  } else if (format === 'LOCATION') {
    out.push({
      type: 'header',
      parameters: [{ type: 'location', location: { latitude: '1.2857', longitude: '103.8479', name: 'Downtown Medical Clinic', address: '123 Health St' } }],
    });
  } else if (format && format !== 'TEXT') {
    out.push({ type: 'header', parameters: [{ type: format.toLowerCase(), url: parts.header?.examples?.[0] || 'https://example.com/media' }] });
  }
  const n = variableCount(parts.body?.text);
  if (n) out.push({ type: 'body', parameters: Array.from({ length: n }, (_, k) => ({ type: 'text', text: sample(parts.body?.examples, k) })) });
  parts.buttons.forEach((b, k) => {
    const t = buttonType(b);
    if (t === 'URL' && variablesIn(b.url).length)
      out.push({ type: 'button', index: String(k), subType: 'url', parameters: [{ type: 'text', text: sample(b.examples, 0) }] });
    else if (t === 'COPY_CODE' || t === 'OTP')
      out.push({ type: 'button', index: String(k), subType: 'copyCode', parameters: [{ type: 'couponCode', couponCode: sample(b.examples, 0) }] });
  });
  if (top && parts.cards.length)
    out.push({
      type: 'carousel',
      cards: parts.cards.map((card, k) => ({ cardIndex: k, components: sendComponents(card.components as TemplateComponent[], false) })),
    });
  return out;
}

/** The payload as curl, for copying into a terminal. */
export function curlFor(url: string, body: unknown): string {
  const json = JSON.stringify(body, null, 2).replace(/'/g, `'\\''`);
  // Double quotes around the header so the shell expands $PARLEY_API_KEY.
  return `curl -X POST '${url}' \\\n  -H "Authorization: Bearer $PARLEY_API_KEY" \\\n  -H 'Content-Type: application/json' \\\n  -d '${json}'`;
}
