import { InsightsSkeleton } from '@/components/insights/insights-skeleton';

export default function Loading() {
  return <InsightsSkeleton title="Reports" />;
}
