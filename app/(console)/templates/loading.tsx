import { Card } from '@/components/ui/card';

/** Skeleton of the templates list while the server reads it. */
export default function TemplatesLoading() {
  return (
    <div aria-busy="true" aria-label="Loading templates">
      <div className="mb-6 space-y-2">
        <div className="h-6 w-40 animate-pulse rounded bg-muted" />
        <div className="h-4 w-96 max-w-full animate-pulse rounded bg-muted" />
      </div>
      <div className="mb-4 h-9 w-full animate-pulse rounded bg-muted" />
      <Card>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b px-4 py-3 last:border-0">
            <div className="h-4 w-48 animate-pulse rounded bg-muted" />
            <div className="h-4 w-20 animate-pulse rounded bg-muted" />
            <div className="h-4 w-14 animate-pulse rounded bg-muted" />
            <div className="ml-auto h-5 w-20 animate-pulse rounded-full bg-muted" />
          </div>
        ))}
      </Card>
    </div>
  );
}
