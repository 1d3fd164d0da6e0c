import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { openCredentials, sealCredentials } from '@/lib/provisioning/channel-credentials';
import { ValidationError } from '@/lib/errors';
import { forgetSubAccounts } from '@/lib/messaging/cached-sub-account';
import { eightByEightCredentials, updateChannelInput, type UpdateChannelInput } from '@/lib/provisioning/channel-input';
import { channelView, type ChannelView } from '@/lib/provisioning/channel-view';
import { findAccountChannel } from '@/lib/provisioning/find-account-channel';

/**
 * Renames a channel or rotates its 8x8 credentials. A blank credential field keeps the stored one, so
 * one secret can change without retyping the others; the audit entry names the fields, never values.
 */
export async function updateChannel(
  db: Db,
  actor: Actor,
  accountId: string,
  subAccountId: string,
  channelId: string,
  raw: UpdateChannelInput,
): Promise<ChannelView> {
  const input = parseWith(updateChannelInput, raw);
  const row = await db.$transaction(async (tx) => {
    const before = await findAccountChannel(tx, accountId, subAccountId, channelId);
    const data: { name?: string; credentials?: string } = {};
    const rotated = Object.entries(input.credentials ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    if (input.name !== undefined && input.name !== before.name) data.name = input.name;
    if (rotated.length) {
      if (before.provider !== '8x8') {
        throw new ValidationError('Only an 8x8 channel has credentials', [{ path: 'credentials', message: 'The sandbox takes no credentials' }]);
      }
      const current = openCredentials(before.credentials);
      const merged = parseWith(eightByEightCredentials, {
        ...current,
        ...Object.fromEntries(Object.entries(input.credentials!).filter(([, v]) => v !== undefined)),
      });
      data.credentials = sealCredentials(merged);
    }
    if (!Object.keys(data).length) return before;
    const after = await tx.channel.update({ where: { id: before.id }, data });
    const what = [data.name !== undefined ? `renamed to “${after.name}”` : null, rotated.length ? `rotated ${rotated.join(', ')}` : null]
      .filter(Boolean)
      .join('; ');
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'channel.update',
      entityType: 'channel',
      entityId: before.id,
      summary: `Changed channel “${before.name}”: ${what}`,
      changes: {
        before: { name: before.name },
        after: { name: after.name },
        ...(rotated.length ? { credentialsRotated: rotated } : {}),
      },
    });
    return after;
  });
  forgetSubAccounts(accountId, subAccountId);
  return channelView(row);
}
