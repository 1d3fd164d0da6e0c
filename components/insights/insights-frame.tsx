'use client';
import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Loader2 } from 'lucide-react';
import { cn } from '@/lib/utils';
import { CHART_COLOR_VARS } from '@/components/insights/chart-colors';

type Frame = { pending: boolean; setParams: (changes: Record<string, string | null>) => void; params: URLSearchParams };
const FrameContext = React.createContext<Frame | null>(null);

export function useInsightsFrame(): Frame {
  const frame = React.useContext(FrameContext);
  if (!frame) throw new Error('useInsightsFrame outside InsightsFrame');
  return frame;
}

/**
 * The filters live in the URL: a change replaces the query string and the server renders the page for
 * it. While it does, the content stays in place, dimmed and marked busy, instead of blanking.
 */
export function InsightsFrame({ filters, children, className }: { filters: React.ReactNode; children: React.ReactNode; className?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, start] = React.useTransition();
  const params = React.useMemo(() => new URLSearchParams(search.toString()), [search]);
  // Two changes in a row (a select, then another before the page came back) build on each other, not
  // both on the address as it was.
  const latest = React.useRef(search.toString());
  React.useEffect(() => {
    latest.current = search.toString();
  }, [search]);
  const setParams = React.useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(latest.current);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      latest.current = next.toString();
      start(() => router.push(`${pathname}?${next}`, { scroll: false }));
    },
    [router, pathname],
  );
  return (
    <FrameContext.Provider value={{ pending, setParams, params }}>
      <div className={cn('min-w-0', CHART_COLOR_VARS, className)}>
        {filters}
        <div className="relative min-w-0" aria-busy={pending} data-testid="insights-content">
          {pending ? (
            <div className="pointer-events-none absolute inset-x-0 top-0 z-10 flex justify-center" role="status">
              <span className="mt-2 inline-flex items-center gap-2 rounded-full border bg-card px-3 py-1 text-xs text-muted-foreground shadow-sm">
                <Loader2 className="size-3.5 animate-spin" aria-hidden /> Updating…
              </span>
            </div>
          ) : null}
          <div className={cn('transition-opacity', pending && 'opacity-50')}>{children}</div>
        </div>
      </div>
    </FrameContext.Provider>
  );
}
