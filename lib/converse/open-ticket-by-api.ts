import type { Db } from '@/lib/db/client';
import { write } from '@/lib/db/tx';
import { parseWith } from '@/lib/api/read-json';
import { ValidationError } from '@/lib/errors';
import { findSubAccountCached } from '@/lib/messaging/cached-sub-account';
import { parseMsisdn } from '@/lib/messaging/msisdn';
import { openTicketSchema } from '@/lib/converse/converse-schemas';
import type { ConverseViewer } from '@/lib/converse/converse-viewer';
import { openTicket } from '@/lib/converse/ticket-rows';
import { toTicketView, type TicketView } from '@/lib/converse/ticket-view';

/**
 * POST /converse/tickets `{ subAccountId, msisdn, channel? }`: a hand-over by an integration, as the
 * SendToConverse step makes one. The conversation's not-closed ticket is joined if there is one
 * (`created: false`). Another account's subaccount is a 404.
 */
export async function openTicketByApi(db: Db, viewer: ConverseViewer, body: unknown): Promise<{ ticket: TicketView; created: boolean }> {
  const input = parseWith(openTicketSchema, body === undefined ? {} : body);
  const msisdn = parseMsisdn(input.msisdn, 'msisdn').e164;
  const sub = await findSubAccountCached(db, viewer.accountId, input.subAccountId);
  const channel = input.channel ?? 'whatsapp';
  if (!sub.channels.some((c) => c.kind === channel)) {
    throw new ValidationError("Invalid parameter(s): 'channel'", [{ path: 'channel', message: `Subaccount '${sub.id}' has no ${channel} channel` }]);
  }
  const { ticket, created } = await write(db, (t) =>
    openTicket(t, { accountId: viewer.accountId, subAccountId: sub.id, channel, msisdn, at: new Date(), actor: viewer.actor }),
  );
  return { ticket: toTicketView(ticket), created };
}
