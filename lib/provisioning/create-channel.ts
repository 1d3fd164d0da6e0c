import type { Db } from '@/lib/db/client';
import { recordAuditEvent, type Actor } from '@/lib/audit/record-audit-event';
import { parseWith } from '@/lib/api/read-json';
import { sealCredentials } from '@/lib/provisioning/channel-credentials';
import { ConflictError } from '@/lib/errors';
import { forgetSubAccounts } from '@/lib/messaging/cached-sub-account';
import { findSubAccount } from '@/lib/tenancy/find-sub-account';
import { createChannelInput, type CreateChannelInput } from '@/lib/provisioning/channel-input';
import { channelView, type ChannelView } from '@/lib/provisioning/channel-view';

const KIND_LABEL: Record<string, string> = { whatsapp: 'WhatsApp', sms: 'SMS' };
const WITH_ARTICLE: Record<string, string> = { whatsapp: 'a WhatsApp', sms: 'an SMS' };

/**
 * Adds a WhatsApp number or SMS sender to a subaccount of the account. A subaccount has at most one
 * channel of each kind, as an 8x8 subaccount does: sends, inbound messages, templates and Converse
 * name a subaccount and a kind, so a second number of one kind would leave them guessing which. 8x8 credentials are stored
 * encrypted (lib/crypto/secret-box.ts) and never answered: the result, the audit entry and every page
 * say only that they are set.
 */
export async function createChannel(db: Db, actor: Actor, accountId: string, subAccountId: string, raw: CreateChannelInput): Promise<ChannelView> {
  const input = parseWith(createChannelInput, raw);
  const sub = await findSubAccount(db, accountId, subAccountId);
  // Encrypted before the transaction: a missing CREDENTIALS_KEY refuses the request before anything is written.
  const credentials = input.credentials ? sealCredentials(input.credentials) : null;
  const name = input.name ?? `${KIND_LABEL[input.kind]} ${input.address}`;
  const row = await db.$transaction(async (tx) => {
    if (await tx.channel.findUnique({ where: { id: input.id }, select: { id: true } })) {
      const message = `The channel id '${input.id}' is already taken`;
      throw new ConflictError(message, [{ path: 'id', message }]);
    }
    const sibling = await tx.channel.findFirst({ where: { subAccountId: sub.id, kind: input.kind }, select: { id: true } });
    if (sibling) {
      const message = `Subaccount ${sub.id} already has ${WITH_ARTICLE[input.kind]} channel (${sibling.id}); add another subaccount for another ${input.kind === 'sms' ? 'sender' : 'number'}`;
      throw new ConflictError(message, [{ path: 'kind', message }]);
    }
    const row = await tx.channel.create({
      data: { id: input.id, subAccountId: sub.id, kind: input.kind, provider: input.provider, name, address: input.address, credentials },
    });
    await recordAuditEvent(tx, actor, {
      accountId,
      action: 'channel.create',
      entityType: 'channel',
      entityId: row.id,
      summary: `Added ${KIND_LABEL[input.kind]} channel “${name}” (${input.address}, ${input.provider}) to subaccount ${sub.id}`,
      changes: {
        after: {
          id: row.id,
          subAccountId: sub.id,
          kind: input.kind,
          address: input.address,
          provider: input.provider,
          name,
          credentials: credentials ? 'set' : null,
        },
      },
    });
    return row;
  });
  forgetSubAccounts(accountId, sub.id);
  return channelView(row);
}
