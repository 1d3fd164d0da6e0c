import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDiff, diffWorkflows } from './diff-workflows';
import type { WorkflowJson } from './types';

const menu = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'menu-using-wait-for-reply.json'), 'utf8')) as WorkflowJson;

describe('version diff summary', () => {
  it('lists added, removed and changed steps', () => {
    const after = structuredClone(menu);
    after.definition.steps = after.definition.steps.filter((s) => s.id !== 'branch5');
    after.definition.steps.push({ id: 'sms_1', stepType: 'SMS', inputs: {} });
    (after.definition.steps[0]!.inputs as { content: { text: string } }).content.text = 'Hi';
    const d = diffWorkflows(menu, after);
    expect(d).toEqual({ added: ['sms_1'], removed: ['branch5'], changed: ['Hello'], settings: [] });
    expect(describeDiff(d)).toBe('+1 step (sms_1) · −1 (branch5) · 1 changed (Hello)');
    expect(describeDiff(diffWorkflows(menu, menu))).toBe('No changes');
  });
});
