'use client';
import { RelativeTime } from '@/components/format/relative-time';
import { historyLabel, type HistoryEntry } from '@/components/template-designer/history-label';

/** The template's history, oldest first, each entry tagged with the version it is about. */
export function TemplateHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <ol className="space-y-2 border-l pl-4" data-testid="template-history">
      {history.map((h) => (
        <li key={h.id} className="relative text-sm" data-testid="template-history-entry" data-version={h.version}>
          <span className="absolute top-1.5 -left-[21px] size-2 rounded-full bg-primary" aria-hidden />
          <span className="mr-1.5 rounded bg-muted px-1 py-0.5 font-mono text-[11px] text-muted-foreground">v{h.version}</span>
          <span className="font-medium">{historyLabel(h)}</span>
          {h.reason && <span className="text-muted-foreground"> · {h.reason}</span>}
          {h.category && (
            <span className="text-muted-foreground" data-testid="template-history-category">
              {' '}
              · category changed by WhatsApp: {h.category.from} → {h.category.to}
            </span>
          )}
          <span className="block text-xs text-muted-foreground">
            <RelativeTime iso={h.at} /> · {h.source}
          </span>
        </li>
      ))}
    </ol>
  );
}
