'use client';
import * as React from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ChevronLeft, ChevronRight, Loader2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { MessagePreview } from '@/components/campaigns/message-preview';
import { fetchJson } from '@/components/campaigns/use-recipients';
import type { RecipientPreview } from '@/components/campaigns/campaign-types';
import type { TemplateComponent } from '@/lib/templates/template-schema';

/**
 * The message exactly as one recipient will get it, row by row: previous and next step over the rows
 * that will be sent; a row number jumps anywhere (a row that will not be sent says why).
 */
export function RecipientPreviewCard({
  campaignId,
  template,
  businessName,
  onRow,
}: {
  campaignId: string;
  template: { name: string; language: string; category: string; components: TemplateComponent[] } | null;
  businessName: string;
  /** The row on screen, for the test send. */
  onRow?: (row: number | null) => void;
}) {
  const [row, setRow] = React.useState<number | null>(null);
  const query = useQuery({
    queryKey: ['campaign-preview', campaignId, row],
    queryFn: () => fetchJson<RecipientPreview>(`/campaigns/${encodeURIComponent(campaignId)}/preview${row ? `?row=${row}` : ''}`),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
  const p = query.data;
  const [typed, setTyped] = React.useState('');
  React.useEffect(() => {
    if (p) setTyped(String(p.row));
  }, [p]);
  // Block bodies: an effect must return nothing or a cleanup (a minified `a?.()` can come out as `true`).
  React.useEffect(() => {
    onRow?.(query.error ? null : (p?.row ?? null));
  }, [p, query.error, onRow]);

  function jump() {
    const n = Number(typed);
    if (Number.isInteger(n) && n >= 2 && n !== row) setRow(n);
  }

  return (
    <MessagePreview
      template={template}
      send={query.error ? undefined : p?.template}
      businessName={businessName}
      footer={
        <div className="space-y-2" data-testid="recipient-preview">
          <div className="flex items-center gap-2">
            <Button
              type="button"
              variant="outline"
              size="icon"
              aria-label="Previous recipient"
              disabled={!p?.prevRow || query.isFetching}
              onClick={() => p?.prevRow && setRow(p.prevRow)}
            >
              <ChevronLeft />
            </Button>
            <form
              className="flex min-w-0 flex-1 items-center justify-center gap-2 text-sm"
              onSubmit={(e) => {
                e.preventDefault();
                jump();
              }}
            >
              <label htmlFor="preview-row" className="text-muted-foreground">
                Row
              </label>
              <Input
                id="preview-row"
                inputMode="numeric"
                className="h-8 w-20 text-center tabular-nums"
                value={typed}
                onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))}
                onBlur={jump}
              />
              {query.isFetching ? <Loader2 className="size-4 animate-spin text-muted-foreground" aria-label="Loading" /> : null}
            </form>
            <Button
              type="button"
              variant="outline"
              size="icon"
              aria-label="Next recipient"
              disabled={!p?.nextRow || query.isFetching}
              onClick={() => p?.nextRow && setRow(p.nextRow)}
            >
              <ChevronRight />
            </Button>
          </div>
          {query.error ? (
            <p className="text-center text-xs text-destructive" role="alert">
              {(query.error as Error).message}
            </p>
          ) : p ? (
            <p className="text-center text-xs text-muted-foreground">
              To{' '}
              <span className="font-mono text-foreground" data-testid="preview-msisdn">
                {p.msisdn}
              </span>{' '}
              · CSV line {p.row}
            </p>
          ) : null}
        </div>
      }
    />
  );
}
