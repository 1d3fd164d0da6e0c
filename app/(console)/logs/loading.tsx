import { PageHeader } from '@/components/ui/page-header';

const block = 'animate-pulse rounded-[var(--radius)] border bg-card';

export default function Loading() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading Logs">
      <PageHeader title="Logs" description="Loading…" />
      <div className={`${block} mb-4 h-40`} />
      <div className={`${block} h-[28rem]`} />
    </div>
  );
}
