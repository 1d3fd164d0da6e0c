import { describe, expect, it } from 'vitest';
import { historyLabel } from '@/components/template-designer/history-label';

describe('historyLabel', () => {
  it('names each version: the first submission, a resubmission, an edit of an approved template', () => {
    expect(historyLabel({ version: 1, from: null, to: 'PENDING' })).toBe('Submitted (PENDING)');
    expect(historyLabel({ version: 1, from: 'PENDING', to: 'REJECTED' })).toBe('PENDING → REJECTED');
    expect(historyLabel({ version: 2, from: 'REJECTED', to: 'PENDING' })).toBe('Version 2 resubmitted (REJECTED → PENDING)');
    expect(historyLabel({ version: 3, from: 'APPROVED', to: 'PENDING' })).toBe('Version 3 submitted for review · version 2 stays live');
    expect(historyLabel({ version: 3, from: 'PENDING', to: 'APPROVED' })).toBe('PENDING → APPROVED');
    expect(historyLabel({ version: 1, from: 'APPROVED', to: 'PAUSED' })).toBe('APPROVED → PAUSED');
  });
});
