'use client';
import * as React from 'react';
import type { ApiMessage } from '@/lib/messaging/message-view';
import type { MessageStatusUpdate } from '@/lib/messaging/get-message-statuses';

export type LogsPageData = { data: ApiMessage[]; nextCursor: string | null };

const POLL_MS = 2000;
const NEW_PAGE = 100;
// Messages committed a moment after a later-stamped one (another process, a batch) are still caught.
const LOOKBACK_MS = 5000;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body as { error?: string }).error ?? `HTTP ${res.status}`);
  return body as T;
}

const logsUrl = (filters: Record<string, string>, extra: Record<string, string>) => `/logs/feed?${new URLSearchParams({ ...filters, ...extra })}`;

const newestFirst = (a: ApiMessage, b: ApiMessage) => (a.createdAt === b.createdAt ? (a.umid < b.umid ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);

/**
 * The Logs table's rows, kept live: older pages as the list scrolls (by cursor), messages newer than
 * the newest shown (polled every 2 s, held until the user inserts them), and the status of the rows on
 * screen (polled, changed in place). `filters` is the page's query; a new one remounts the list.
 */
export function useLiveLogs({
  initial,
  initialCount,
  filters,
  visibleIds,
}: {
  initial: LogsPageData;
  initialCount: number;
  filters: Record<string, string>;
  visibleIds: () => string[];
}) {
  const [rows, setRows] = React.useState(initial.data);
  const [cursor, setCursor] = React.useState(initial.nextCursor);
  const [pending, setPending] = React.useState<ApiMessage[]>([]);
  const [overflow, setOverflow] = React.useState(false);
  const [count, setCount] = React.useState(initialCount);
  const [loadingMore, setLoadingMore] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [live, setLive] = React.useState(true);
  const known = React.useRef(new Set(initial.data.map((m) => m.umid)));
  const state = React.useRef({ rows, pending, cursor, loadingMore });
  state.current = { rows, pending, cursor, loadingMore };

  const loadMore = React.useCallback(async () => {
    const { cursor: next, loadingMore: busy } = state.current;
    if (!next || busy) return;
    setLoadingMore(true);
    try {
      const page = await getJson<LogsPageData>(logsUrl(filters, { cursor: next, limit: String(NEW_PAGE) }));
      const fresh = page.data.filter((m) => !known.current.has(m.umid));
      for (const m of fresh) known.current.add(m.umid);
      setRows((r) => [...r, ...fresh]);
      setCursor(page.nextCursor);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoadingMore(false);
    }
  }, [filters]);

  const poll = React.useCallback(async () => {
    const newest = state.current.pending[0] ?? state.current.rows[0];
    let from = filters.from;
    if (newest) {
      const since = new Date(Date.parse(newest.createdAt) - LOOKBACK_MS).toISOString();
      if (!from || since > from) from = since;
    }
    const page = await getJson<LogsPageData>(logsUrl(filters, { ...(from ? { from } : {}), limit: String(NEW_PAGE) }));
    const fresh = page.data.filter((m) => !known.current.has(m.umid));
    for (const m of fresh) known.current.add(m.umid);
    if (fresh.length) setPending((p) => [...fresh, ...p].sort(newestFirst));
    // More new messages than one page: the pill reloads the list instead of inserting a gap.
    if (page.nextCursor && newest && page.data.every((m) => m.createdAt > newest.createdAt)) setOverflow(true);

    const ids = visibleIds();
    if (ids.length === 0) return;
    const { data } = await getJson<{ data: MessageStatusUpdate[] }>(`/logs/feed/statuses?${new URLSearchParams(ids.map((id) => ['umid', id]))}`);
    const byId = new Map(data.map((u) => [u.umid, u]));
    setRows((r) => {
      let changed = false;
      const next = r.map((m) => {
        const u = byId.get(m.umid);
        if (!u || (u.status.state === m.status.state && u.status.timestamp === m.status.timestamp && u.price?.amount === m.price?.amount)) return m;
        changed = true;
        return { ...m, status: u.status, price: u.price };
      });
      return changed ? next : r;
    });
  }, [filters, visibleIds]);

  React.useEffect(() => {
    if (!live) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (!document.hidden) {
        try {
          await poll();
          setError(null);
        } catch (err) {
          setError((err as Error).message);
        }
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [live, poll]);

  /** Puts the held new messages on top; returns how many rows went in above the ones shown. */
  const insertPending = React.useCallback(async (): Promise<number> => {
    if (overflow) {
      const [page, counted] = await Promise.all([
        getJson<LogsPageData>(logsUrl(filters, { limit: '50' })),
        getJson<{ count: number; atLeast: boolean }>(`/logs/feed/count?${new URLSearchParams(filters)}`),
      ]);
      known.current = new Set(page.data.map((m) => m.umid));
      setRows(page.data);
      setCursor(page.nextCursor);
      setPending([]);
      setOverflow(false);
      setCount(counted.count);
      return -1;
    }
    const n = state.current.pending.length;
    setRows((r) => [...state.current.pending, ...r]);
    setPending([]);
    setCount((c) => c + n);
    return n;
  }, [overflow, filters]);

  return { rows, pending: pending.length, overflow, count, hasMore: cursor !== null, loadingMore, loadMore, insertPending, error, live, setLive };
}
