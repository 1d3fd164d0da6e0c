import * as React from 'react';
import { Badge } from '@/components/ui/badge';

const TONES: Record<string, 'success' | 'warning' | 'danger' | 'neutral' | 'info'> = {
  APPROVED: 'success',
  PENDING: 'info',
  REJECTED: 'danger',
  PAUSED: 'warning',
  DISABLED: 'neutral',
};
const LABELS: Record<string, string> = { APPROVED: 'Approved', PENDING: 'In review', REJECTED: 'Rejected', PAUSED: 'Paused', DISABLED: 'Disabled' };

export function TemplateStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONES[status] ?? 'neutral'} data-testid="template-status" data-status={status}>
      <span className="size-1.5 rounded-full bg-current" aria-hidden />
      {LABELS[status] ?? status}
    </Badge>
  );
}
