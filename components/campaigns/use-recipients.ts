'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { RecipientPage } from '@/components/campaigns/campaign-types';

/** The campaign's recipients whose status is `status` ("problems": invalid, duplicate and opted out), a page at a time. */
export function recipientsUrl(campaignId: string, status: string, opts: { cursor?: string | null; limit?: number; format?: 'csv' } = {}): string {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (opts.cursor) q.set('cursor', opts.cursor);
  if (opts.limit) q.set('limit', String(opts.limit));
  if (opts.format) q.set('format', opts.format);
  const qs = q.toString();
  return `/campaigns/${encodeURIComponent(campaignId)}/recipients${qs ? `?${qs}` : ''}`;
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error((body as { error?: string }).error ?? `HTTP ${res.status}`);
  return body as T;
}

export function useRecipients(campaignId: string, status: string, opts: { limit?: number; refetchInterval?: number | false } = {}) {
  return useInfiniteQuery({
    queryKey: ['campaign-recipients', campaignId, status],
    queryFn: ({ pageParam }) => fetchJson<RecipientPage>(recipientsUrl(campaignId, status, { cursor: pageParam, limit: opts.limit ?? 100 })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: opts.refetchInterval ?? false,
    staleTime: 0,
  });
}
