import { getCountryCallingCode, type CountryCode } from 'libphonenumber-js';
import { parseWith } from '@/lib/api/read-json';
import type { ParsedMsisdn } from '@/lib/messaging/msisdn';
import { CONTENT_ENVELOPES, type SendTemplate } from '@/lib/messaging/send-schema';
import { checkTemplateParameters, renderForCustomer, type ApprovedTemplate } from '@/lib/messaging/template-port';

export type CheckedTemplateSend = { content: Record<string, unknown>; rendered: unknown; category: string };

/**
 * The checks the API's send runs on a template message (sendMessage): the content's shape, then the
 * parameters against the approved template (3040/3041/1005, thrown as ValidationError), and what the
 * customer will see. Synchronous, so dispatch runs it inside its write transaction.
 */
export function checkTemplateSend(template: ApprovedTemplate, content: unknown): CheckedTemplateSend {
  const checked = parseWith(CONTENT_ENVELOPES.template, { content }).content;
  const send = checked.template as SendTemplate;
  checkTemplateParameters(template, send);
  return { content: checked, rendered: renderForCustomer(template, send), category: template.category.toLowerCase() };
}

/**
 * A recipient's number as the send pipeline stores it. Import already parsed it into E.164 with its
 * country; parsing again would cost ~90 µs a new number (libphonenumber's patterns), a tenth of a
 * millisecond per message at the rates campaigns run.
 */
export function storedMsisdn(e164: string, country: string | null): ParsedMsisdn {
  let callingCode = '';
  if (country) {
    try {
      callingCode = getCountryCallingCode(country as CountryCode);
    } catch {
      callingCode = '';
    }
  }
  return { e164, channelUserId: e164.slice(1), callingCode, country };
}
