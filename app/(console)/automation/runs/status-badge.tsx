import { Badge } from '@/components/ui/badge';

const TONES = { running: 'info', waiting: 'warning', completed: 'success', failed: 'danger', cancelled: 'neutral' } as const;

export function RunStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status as keyof typeof TONES] ?? 'neutral'}>{status}</Badge>;
}
