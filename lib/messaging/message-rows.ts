import { sqlDate, sqlJson } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { inList } from '@/lib/db/in-list';
import { countNewMessage } from '@/lib/analytics/rollup-rows';

// The Message row and its companions (status history, outbox jobs) as the hot paths write them, in
// the caller's write transaction (lib/db/tx.ts). Columns as in prisma/schema/messaging.prisma.

export type MessageInsert = {
  id: string;
  accountId: string;
  subAccountId: string;
  channelId: string | null;
  channel: string;
  direction: 'inbound' | 'outbound';
  msisdn: string;
  channelUserId: string;
  country: string | null;
  type: string;
  content: unknown;
  rendered?: unknown;
  templateName?: string | null;
  templateLanguage?: string | null;
  category?: string | null;
  status: string;
  statusAt: Date;
  clientMessageId?: string | null;
  workflowId?: string | null;
  campaignId?: string | null;
  referral?: unknown;
  /** A template outside the customer service window, or a customer message that opened a new one. */
  opensConversation?: boolean;
  createdAt: Date;
};

export function* insertMessage(t: Tx, m: MessageInsert): Step<void> {
  yield* t.run(
    `INSERT INTO "Message" ("id", "accountId", "subAccountId", "channelId", "channel", "direction", "msisdn", "channelUserId", "country", "type", "content", "rendered",
       "templateName", "templateLanguage", "category", "status", "statusAt", "clientMessageId", "workflowId", "campaignId", "referral", "opensConversation", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    m.id,
    m.accountId,
    m.subAccountId,
    m.channelId,
    m.channel,
    m.direction,
    m.msisdn,
    m.channelUserId,
    m.country,
    m.type,
    JSON.stringify(m.content ?? {}),
    sqlJson(m.rendered),
    m.templateName ?? null,
    m.templateLanguage ?? null,
    m.category ?? null,
    m.status,
    sqlDate(m.statusAt),
    m.clientMessageId ?? null,
    m.workflowId ?? null,
    m.campaignId ?? null,
    sqlJson(m.referral),
    m.opensConversation ? 1 : 0,
    sqlDate(m.createdAt),
  );
  yield* countNewMessage(t, { ...m, category: m.category ?? null, opensConversation: !!m.opensConversation });
}

export type StatusChangeInsert = {
  messageId: string;
  state: string;
  detail?: string | null;
  errorCode?: number | null;
  errorMessage?: string | null;
  at: Date;
};

export function* insertStatusChange(t: Tx, s: StatusChangeInsert): Step<void> {
  yield* t.run(
    'INSERT INTO "MessageStatusChange" ("messageId", "state", "detail", "errorCode", "errorMessage", "at") VALUES (?, ?, ?, ?, ?, ?)',
    s.messageId,
    s.state,
    s.detail ?? null,
    s.errorCode ?? null,
    s.errorMessage ?? null,
    sqlDate(s.at),
  );
}

/** An outbox row: "send" hands the message to its provider, "status" applies a scheduled receipt. */
export function* insertJob(t: Tx, j: { messageId: string; kind: 'send' | 'status'; payload?: unknown; dueAt: Date }): Step<void> {
  yield* t.run(
    'INSERT INTO "MessageJob" ("messageId", "kind", "payload", "dueAt", "attempts") VALUES (?, ?, ?, ?, 0)',
    j.messageId,
    j.kind,
    sqlJson(j.payload),
    sqlDate(j.dueAt),
  );
}

/** The first message sent with this clientMessageId in the subaccount (idempotency). */
export function* findByClientId(t: Tx, subAccountId: string, clientMessageId: string): Step<{ id: string; createdAt: string } | undefined> {
  return yield* t.one('SELECT "id", "createdAt" FROM "Message" WHERE "subAccountId" = ? AND "clientMessageId" = ?', subAccountId, clientMessageId);
}

/** findByClientId for a batch: the first message of each of `clientMessageIds` that has one, by key. */
export function* findByClientIds(t: Tx, subAccountId: string, clientMessageIds: readonly string[]): Step<Map<string, { id: string; createdAt: string }>> {
  const list = inList(t, clientMessageIds);
  const rows = yield* t.all<{ id: string; createdAt: string; clientMessageId: string }>(
    `SELECT "id", "createdAt", "clientMessageId" FROM "Message" WHERE "subAccountId" = ? AND "clientMessageId" ${list.sql}`,
    subAccountId,
    list.param,
  );
  return new Map(rows.map((r) => [r.clientMessageId, { id: r.id, createdAt: r.createdAt }]));
}
