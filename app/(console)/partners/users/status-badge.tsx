import { Badge } from '@/components/ui/badge';

const tones = { active: 'success', invited: 'warning', deactivated: 'neutral' } as const;
const labels = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' } as const;

export function StatusBadge({ status }: { status: keyof typeof tones }) {
  return <Badge tone={tones[status]}>{labels[status]}</Badge>;
}
