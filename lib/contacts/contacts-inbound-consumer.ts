import { sqlDate } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import type { InboundConsumer, StoredInbound } from '@/lib/messaging/inbound-consumers';
import { systemActor } from '@/lib/audit/record-audit-event';
import { MAX_NAME } from '@/lib/contacts/contact-input';
import { insertAuditRow } from '@/lib/audit/insert-audit-row';
import { optOutKeyword } from '@/lib/contacts/opt-out-keywords';
import { deleteOptOut, insertOptOut } from '@/lib/contacts/opt-out-rows';

// Every inbound message makes its sender a contact, in the message's own transaction. It runs on every
// inbound message (bench/runner measures them by the thousand a second): one statement, which writes
// nothing for a known contact unless it brings a profile name the contact lacks; a keyword costs a set
// lookup, and only a keyword message writes more.

const UPSERT = `INSERT INTO "Contact" ("accountId", "msisdn", "name", "attributes", "tags", "createdAt", "updatedAt") VALUES (?, ?, ?, '{}', '[]', ?, ?)
  ON CONFLICT ("accountId", "msisdn") DO UPDATE SET "name" = excluded."name", "updatedAt" = excluded."updatedAt"
  WHERE "Contact"."name" IS NULL AND excluded."name" IS NOT NULL`;

/**
 * The sender's profile name, when the inbound event carries one (a carrier's webhook may; the
 * sandbox does not): `user.name`, `user.profileName`, or Meta's `contacts[0].profile.name`. A name
 * someone gave the contact is kept: the profile name fills in only a contact without one.
 */
function profileName(event: Record<string, unknown>): string | null {
  const payload = event.payload as { user?: { name?: unknown; profileName?: unknown }; contacts?: { profile?: { name?: unknown } }[] } | undefined;
  const name = payload?.user?.name ?? payload?.user?.profileName ?? payload?.contacts?.[0]?.profile?.name;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, MAX_NAME) : null;
}

function messageText(event: Record<string, unknown>): unknown {
  return (event.payload as { content?: { text?: unknown } } | undefined)?.content?.text;
}

/** STOP and START: recorded (and audited, under the customer's number) only when they change something. */
function* applyKeyword(t: Tx, inbound: StoredInbound, keyword: 'stop' | 'start', now: Date): Step<void> {
  const changed =
    keyword === 'stop' ? yield* insertOptOut(t, inbound.accountId, inbound.msisdn, 'keyword', now) : yield* deleteOptOut(t, inbound.accountId, inbound.msisdn);
  if (!changed) return;
  const word = String(messageText(inbound.event)).trim().toUpperCase();
  yield* insertAuditRow(
    t,
    systemActor(`Customer ${inbound.msisdn} (keyword ${word})`),
    {
      accountId: inbound.accountId,
      action: keyword === 'stop' ? 'opt_out.add' : 'opt_out.remove',
      entityType: 'opt_out',
      entityId: inbound.msisdn,
      summary:
        keyword === 'stop'
          ? `${inbound.msisdn} opted out of marketing messages by sending ${word}`
          : `${inbound.msisdn} opted back in to marketing messages by sending ${word}`,
      changes: { source: 'keyword', keyword: word, umid: inbound.umid },
    },
    now,
  );
}

export const contactsInboundConsumer: InboundConsumer = {
  name: 'contacts',
  *decide(t, inbound) {
    const now = new Date();
    const at = sqlDate(now);
    yield* t.run(UPSERT, inbound.accountId, inbound.msisdn, profileName(inbound.event), at, at);
    const keyword = optOutKeyword(messageText(inbound.event));
    if (keyword) yield* applyKeyword(t, inbound, keyword, now);
    return null;
  },
};
