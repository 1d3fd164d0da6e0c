import type { Db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { TEMPLATE_NOT_FOUND } from '@/lib/messaging/codes';
import type { SendTemplate } from '@/lib/messaging/send-schema';
import { findApprovedTemplate } from '@/lib/templates/find-approved-template';
import { checkSendParameters } from '@/lib/templates/check-send-parameters';
import { renderTemplate, type RenderedTemplate } from '@/lib/templates/render-template';
import type { StoredTemplate } from '@/lib/templates/stored-template';

// The send pipeline's view of lib/templates (the only authority on templates): find the APPROVED
// template (3038), check the send parameters (3040/3041/1005), render what the customer sees.

export type ApprovedTemplate = StoredTemplate;

export async function approvedTemplateFor(db: Db, subAccountId: string, t: SendTemplate): Promise<ApprovedTemplate> {
  const row = await findApprovedTemplate(db, { subAccountId, name: t.name, language: t.language });
  if (!row) {
    throw new ValidationError(
      `Template not found: no APPROVED template named '${t.name}' in language '${t.language}' for this subaccount`,
      [{ path: 'content.template.name', message: 'No approved template with this name and language' }],
      TEMPLATE_NOT_FOUND,
    );
  }
  return row;
}

export function checkTemplateParameters(template: ApprovedTemplate, send: SendTemplate): void {
  checkSendParameters(template, send);
}

/** What the customer saw, stored with the message for the Logs and the Simulator. */
export function renderForCustomer(template: ApprovedTemplate, send: SendTemplate): RenderedTemplate {
  return renderTemplate(template, send);
}
