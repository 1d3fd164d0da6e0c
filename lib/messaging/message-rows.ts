import { one, run, sqlDate, sqlJson, type Sqlite } from '@/lib/db/sql';
import { countNewMessage } from '@/lib/analytics/rollup-rows';

// The Message row and its companions (status history, outbox jobs) as the hot paths write them, in
// the caller's write transaction (lib/db/sql.ts). Columns as in prisma/schema/messaging.prisma.

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

export function insertMessage(conn: Sqlite, m: MessageInsert): void {
  run(
    conn,
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
  countNewMessage(conn, { ...m, category: m.category ?? null, opensConversation: !!m.opensConversation });
}

export type StatusChangeInsert = {
  messageId: string;
  state: string;
  detail?: string | null;
  errorCode?: number | null;
  errorMessage?: string | null;
  at: Date;
};

export function insertStatusChange(conn: Sqlite, s: StatusChangeInsert): void {
  run(
    conn,
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
export function insertJob(conn: Sqlite, j: { messageId: string; kind: 'send' | 'status'; payload?: unknown; dueAt: Date }): void {
  run(
    conn,
    'INSERT INTO "MessageJob" ("messageId", "kind", "payload", "dueAt", "attempts") VALUES (?, ?, ?, ?, 0)',
    j.messageId,
    j.kind,
    sqlJson(j.payload),
    sqlDate(j.dueAt),
  );
}

/** The first message sent with this clientMessageId in the subaccount (idempotency). */
export function findByClientId(conn: Sqlite, subAccountId: string, clientMessageId: string): { id: string; createdAt: string } | undefined {
  return one(conn, 'SELECT "id", "createdAt" FROM "Message" WHERE "subAccountId" = ? AND "clientMessageId" = ?', subAccountId, clientMessageId);
}
