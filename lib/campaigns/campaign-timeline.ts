import type { Db } from '@/lib/db/client';
import { type Dialect, read, type Step, type Tx } from '@/lib/db/tx';
import { NotFoundError } from '@/lib/errors';

// The campaign page's chart: how many of the campaign's messages were sent, delivered, read or failed
// in each stretch of time, from the messages' status changes. The page asks every few seconds while a
// campaign runs; recounting a million messages' changes each time would cost seconds, so each process
// keeps per-second counts per campaign and reads only the status changes written since its last look.

export type TimelineSeries = 'sent' | 'delivered' | 'read' | 'failed';
export type TimelinePoint = { t: string } & Record<TimelineSeries, number>;
export type CampaignTimeline = { bucketSeconds: number; points: TimelinePoint[] };

const SERIES: Record<string, TimelineSeries> = { sent: 'sent', delivered: 'delivered', read: 'read', undelivered: 'failed', rejected: 'failed' };
const STATES = Object.keys(SERIES)
  .map((s) => `'${s}'`)
  .join(', ');
// Chart-friendly bucket widths (seconds): the narrowest that keeps the chart under MAX_POINTS points.
const WIDTHS = [1, 5, 10, 15, 30, 60, 300, 600, 900, 1800, 3600, 3 * 3600, 6 * 3600, 86_400];
const MAX_POINTS = 120;

type Counts = Record<TimelineSeries, number>;
type Entry = { subAccountId: string; seen: number; countedAt: number; seconds: Map<number, Counts> };

const cache = new Map<string, Entry>();
const MAX_CACHED = 200;
// PostgreSQL numbers changes when they are inserted, not when they commit: a change with a lower id can
// become visible after a higher one was read. There each entry is counted afresh this often, which
// brings in any change the incremental reads stepped over.
const RECOUNT_MS = 60_000;

/** A change's second as text ("2026-12-06T04:12:00"), from the stored DateTime. */
const SECOND: Record<Dialect, string> = {
  sqlite: 'substr(s."at", 1, 19)',
  postgres: `to_char(s."at", 'YYYY-MM-DD"T"HH24:MI:SS')`,
};
// SQLite's planner must be told to walk the campaign's messages; PostgreSQL's picks it from statistics.
const BY_CAMPAIGN: Record<Dialect, string> = { sqlite: 'INDEXED BY "Message_logs_campaign_idx"', postgres: '' };

/** Per-bucket counts over the campaign's life so far; empty before its first send. */
export async function campaignTimeline(db: Db, accountId: string, campaignId: string): Promise<CampaignTimeline> {
  return read(db, function* (t) {
    const campaign = yield* t.one<{ subAccountId: string }>('SELECT "subAccountId" FROM "Campaign" WHERE "id" = ? AND "accountId" = ?', campaignId, accountId);
    if (!campaign) throw new NotFoundError('Campaign not found');
    const entry = yield* refresh(t, campaignId, campaign.subAccountId);
    return buckets(entry.seconds);
  });
}

function* refresh(t: Tx, campaignId: string, subAccountId: string): Step<Entry> {
  // Changes are numbered in commit order on SQLite (one writer at a time), so everything up to `upTo` is final.
  const upTo = (yield* t.one<{ n: number | null }>('SELECT max("id") AS "n" FROM "MessageStatusChange"'))?.n ?? 0;
  const now = Date.now();
  let entry = cache.get(campaignId);
  const stale = t.dialect === 'postgres' && entry !== undefined && now - entry.countedAt >= RECOUNT_MS;
  if (!entry || entry.subAccountId !== subAccountId || upTo < entry.seen || stale) {
    entry = { subAccountId, seen: 0, countedAt: now, seconds: new Map() };
    // The first look walks the campaign's own messages by index, not the whole change log.
    const rows = yield* t.all<{ at: string; state: string; n: number }>(
      `SELECT ${SECOND[t.dialect]} AS "at", s."state", count(*) AS "n"
       FROM "Message" m ${BY_CAMPAIGN[t.dialect]}
       JOIN "MessageStatusChange" s ON s."messageId" = m."id"
       WHERE m."subAccountId" = ? AND m."campaignId" = ? AND s."id" <= ? AND s."state" IN (${STATES})
       GROUP BY 1, 2`,
      subAccountId,
      campaignId,
      upTo,
    );
    for (const r of rows) add(entry.seconds, r.at, r.state, r.n);
  } else if (upTo > entry.seen) {
    const rows = yield* t.all<{ at: string; state: string; n: number }>(
      `SELECT ${SECOND[t.dialect]} AS "at", s."state", count(*) AS "n"
       FROM "MessageStatusChange" s JOIN "Message" m ON m."id" = s."messageId"
       WHERE s."id" > ? AND s."id" <= ? AND m."campaignId" = ? AND m."subAccountId" = ? AND s."state" IN (${STATES})
       GROUP BY 1, 2`,
      entry.seen,
      upTo,
      campaignId,
      subAccountId,
    );
    for (const r of rows) add(entry.seconds, r.at, r.state, r.n);
  }
  entry.seen = upTo;
  cache.delete(campaignId);
  cache.set(campaignId, entry);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return entry;
}

function add(seconds: Map<number, Counts>, at: string, state: string, n: number): void {
  const series = SERIES[state];
  if (!series) return;
  const second = Math.floor(Date.parse(`${at}Z`) / 1000);
  let c = seconds.get(second);
  if (!c) seconds.set(second, (c = { sent: 0, delivered: 0, read: 0, failed: 0 }));
  c[series] += n;
}

/** Per-second counts folded into the narrowest width that fits the chart, with empty buckets kept (a pause shows as a gap). */
export function buckets(seconds: Map<number, Counts>): CampaignTimeline {
  if (!seconds.size) return { bucketSeconds: 1, points: [] };
  let first = Infinity;
  let last = -Infinity;
  for (const s of seconds.keys()) {
    if (s < first) first = s;
    if (s > last) last = s;
  }
  const width = WIDTHS.find((w) => (last - first) / w < MAX_POINTS) ?? WIDTHS.at(-1)!;
  const start = Math.floor(first / width) * width;
  const count = Math.floor((last - start) / width) + 1;
  const points: TimelinePoint[] = Array.from({ length: count }, (_, i) => ({
    t: new Date((start + i * width) * 1000).toISOString(),
    sent: 0,
    delivered: 0,
    read: 0,
    failed: 0,
  }));
  for (const [s, c] of seconds) {
    const p = points[Math.floor((s - start) / width)]!;
    p.sent += c.sent;
    p.delivered += c.delivered;
    p.read += c.read;
    p.failed += c.failed;
  }
  return { bucketSeconds: width, points };
}
