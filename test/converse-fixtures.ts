// Helpers for the Converse tests (imported only by *.test.ts files): the reference support bot, a
// customer who talks to it, and people with Converse roles.
import fs from 'node:fs';
import path from 'node:path';
import { db } from '@/lib/db/client';
import { SYSTEM_ACTOR } from '@/lib/audit/record-audit-event';
import type { Permission } from '@/lib/auth/permissions';
import { loadPrincipal } from '@/lib/auth/principal';
import { createWorkflow } from '@/lib/automation/workflows';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { userViewer, type ConverseViewer } from '@/lib/converse/converse-viewer';
import { createUserWithPermissions } from '@/test/factories';

export const SUB = 'acme_corp_chatapps';

/** "Simple WhatsApp Support Bot" of the reference docs' scenarios: a menu whose "Talk to an Agent" hands over. */
export function supportBotBody(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), 'lib/converse/fixtures/support-bot.json'), 'utf8'));
}

export async function enableSupportBot(): Promise<string> {
  return (await createWorkflow(db, 'acme_corp', supportBotBody(), { actor: SYSTEM_ACTOR })).id;
}

/** The customer writes (or taps a reply button with that title) on WhatsApp. */
export async function customerSays(msisdn: string, text: string, opts: { accountId?: string; subAccountId?: string } = {}) {
  return receiveInbound(db, {
    accountId: opts.accountId ?? 'acme_corp',
    subAccountId: opts.subAccountId ?? SUB,
    channel: 'whatsapp',
    msisdn,
    type: 'text',
    content: { text },
  });
}

/** The customer greets the support bot and taps "Talk to an Agent": the ticket it opened. */
export async function handOver(msisdn: string) {
  await customerSays(msisdn, 'Hi');
  await customerSays(msisdn, 'Talk to an Agent');
  return db.converseTicket.findFirstOrThrow({ where: { msisdn, status: { not: 'closed' } } });
}

let numbers = 0;
/** A customer number of its own for each test (none ends 0000, which the sandbox cannot reach). */
export const newCustomer = () => `+6581${String(100_000 + ++numbers).padStart(6, '0')}`;

export type Person = { id: string; viewer: ConverseViewer };

/** A user of the demo partner with exactly these permissions, as the inbox sees them in acme_corp. */
export async function person(permissions: Permission[]): Promise<Person> {
  const u = await createUserWithPermissions(permissions);
  const principal = (await loadPrincipal(db, u.id))!;
  return { id: u.id, viewer: userViewer(principal, 'acme_corp') };
}

/** The demo administrator (Partner Admin: every permission, so a supervisor). */
export async function admin(): Promise<Person> {
  const u = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  const principal = (await loadPrincipal(db, u.id))!;
  return { id: u.id, viewer: userViewer(principal, 'acme_corp') };
}

/** Moves the conversation's 24 h window so that it closed an hour ago. */
export async function closeWindow(msisdn: string, subAccountId = SUB) {
  await db.conversationWindow.updateMany({ where: { subAccountId, msisdn }, data: { cswExpiresAt: new Date(Date.now() - 3600_000) } });
}
