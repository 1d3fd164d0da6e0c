import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseWith } from '@/lib/api/read-json';
import type { Actor } from '@/lib/audit/record-audit-event';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { numberAsString } from '@/lib/messaging/send-schema';
import { sendMessage, type SendAccepted } from '@/lib/messaging/send-message';
import { previewRecipient } from '@/lib/campaigns/preview-recipient';

export const testSendSchema = z.strictObject({
  msisdn: z.preprocess(numberAsString, z.string({ error: 'msisdn is required: the number to send the test to' }).min(1, 'msisdn is required')),
  // The CSV line (header = 1) whose values fill the message; default the first valid one.
  row: z.coerce.number({ error: 'row must be a number' }).int('row must be a whole number').min(1, 'row is a CSV line number (the header is 1)').optional(),
});

export type TestSendInput = z.input<typeof testSendSchema>;

/**
 * Sends the message one recipient row gets (the preview's, the first valid row by default) to a number
 * of the user's choice, now, through the send pipeline like any API send: the same checks (1002,
 * 3038, 3041...), a marketing template still refused to an opted-out number. It is not part of the
 * campaign (no campaignId, not counted); the audit log records who sent which row to whom, in the
 * transaction that stores the message.
 */
export async function testSendCampaign(db: Db, actor: Actor, accountId: string, id: string, input: unknown): Promise<SendAccepted> {
  const { msisdn, row } = parseWith(testSendSchema, input);
  const preview = await previewRecipient(db, accountId, id, row);
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id }, select: { name: true, subAccountId: true } });
  return sendMessage(db, {
    accountId,
    subAccountId: campaign.subAccountId,
    body: { ...preview.message, user: { msisdn } },
    origin: {
      alsoWrite: (t) =>
        insertAuditRow(
          t,
          actor,
          {
            accountId,
            action: 'campaign.test_send',
            entityType: 'campaign',
            entityId: id,
            summary: `Sent a test of campaign "${campaign.name}" (row ${preview.row}) to ${msisdn}`,
          },
          new Date(),
        ),
    },
  });
}
