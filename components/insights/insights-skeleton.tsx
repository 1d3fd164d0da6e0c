import { PageHeader } from '@/components/ui/page-header';

const block = 'animate-pulse rounded-[var(--radius)] border bg-card';

/** What an Insights page shows while its numbers load: the same layout, in grey. */
export function InsightsSkeleton({ title }: { title: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={`Loading ${title}`}>
      <PageHeader title={title} description="Loading…" />
      <div className={`${block} mb-6 h-24`} />
      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
        {['rate', 'delivered', 'undelivered', 'received', 'cost'].map((k) => (
          <div key={k} className={`${block} h-24`} />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className={`${block} h-80 lg:col-span-2`} />
        <div className={`${block} h-80`} />
      </div>
    </div>
  );
}
