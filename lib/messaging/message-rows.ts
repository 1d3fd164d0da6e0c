import { sqlDate, sqlJson } from '@/lib/db/sql';
import type { Step, Tx } from '@/lib/db/tx';
import { inList } from '@/lib/db/in-list';
import { insertRow, insertTablesRows } from '@/lib/db/insert-rows';
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

const MESSAGE_COLUMNS = [
  'id',
  'accountId',
  'subAccountId',
  'channelId',
  'channel',
  'direction',
  'msisdn',
  'channelUserId',
  'country',
  'type',
  'content',
  'rendered',
  'templateName',
  'templateLanguage',
  'category',
  'status',
  'statusAt',
  'clientMessageId',
  'workflowId',
  'campaignId',
  'referral',
  'opensConversation',
  'createdAt',
] as const;

function messageValues(m: MessageInsert): unknown[] {
  return [
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
  ];
}

/**
 * Stores the message and counts it in the rollups. With `later` (a send's or a batch's rows,
 * insertLaterRows) the row is kept there to be written with the others.
 */
export function* insertMessage(t: Tx, m: MessageInsert, later?: LaterRows): Step<void> {
  if (later) later.messages.push(messageValues(m));
  else yield* insertRow(t, 'Message', MESSAGE_COLUMNS, messageValues(m));
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

const STATUS_COLUMNS = ['messageId', 'state', 'detail', 'errorCode', 'errorMessage', 'at'] as const;

export function* insertStatusChange(t: Tx, s: StatusChangeInsert, later?: LaterRows): Step<void> {
  const values = [s.messageId, s.state, s.detail ?? null, s.errorCode ?? null, s.errorMessage ?? null, sqlDate(s.at)];
  if (later) later.statuses.push(values);
  else yield* insertRow(t, 'MessageStatusChange', STATUS_COLUMNS, values);
}

const JOB_COLUMNS = ['messageId', 'kind', 'payload', 'dueAt', 'attempts'] as const;

/** An outbox row: "send" hands the message to its provider, "status" applies a scheduled receipt. */
export function* insertJob(t: Tx, j: { messageId: string; kind: 'send' | 'status'; payload?: unknown; dueAt: Date }, later?: LaterRows): Step<void> {
  const values = [j.messageId, j.kind, sqlJson(j.payload), sqlDate(j.dueAt), 0];
  if (later) later.jobs.push(values);
  else yield* insertRow(t, 'MessageJob', JOB_COLUMNS, values);
}

/** Rows of messages, their first statuses and outbox jobs kept to be written together (a send's, a campaign batch's). */
export type LaterRows = { messages: unknown[][]; statuses: unknown[][]; jobs: unknown[][] };

export const laterRows = (): LaterRows => ({ messages: [], statuses: [], jobs: [] });

/**
 * Writes the kept rows, messages first (the others refer to them), and empties them: on PostgreSQL one
 * statement for up to 64 of each table's (insertTablesRows).
 */
export function* insertLaterRows(t: Tx, later: LaterRows): Step<void> {
  yield* insertTablesRows(t, [
    { table: 'Message', columns: MESSAGE_COLUMNS, rows: later.messages.splice(0) },
    { table: 'MessageStatusChange', columns: STATUS_COLUMNS, rows: later.statuses.splice(0) },
    { table: 'MessageJob', columns: JOB_COLUMNS, rows: later.jobs.splice(0) },
  ]);
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
