import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectionProblem } from './connection-problem';
import { TRIGGER_NODE_ID, type WorkflowJson } from './types';
import { workflowToNodes } from './workflow-to-nodes';

const menu = workflowToNodes(JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'menu-using-wait-for-reply.json'), 'utf8')) as WorkflowJson);

describe('connections drawn on the canvas', () => {
  it('allows an outcome to lead to another step', () => {
    expect(connectionProblem(menu, { source: 'Hello', target: 'failure', sourceHandle: 'next' })).toBeNull();
    expect(connectionProblem(menu, { source: TRIGGER_NODE_ID, target: 'Hello', sourceHandle: 'next' })).toBeNull();
  });

  it('refuses a loop onto itself and a second path of a branch to the same step, saying why', () => {
    expect(connectionProblem(menu, { source: 'Hello', target: 'Hello', sourceHandle: 'next' })).toBe(
      'A step cannot lead to itself here; use a Jump to step for loops',
    );
    expect(connectionProblem(menu, { source: 'success', target: 'branch2', sourceHandle: 'sel:0' })).toBe('Another path of success already goes to branch2');
  });

  it('quietly ignores a connection that does not end on a step', () => {
    expect(connectionProblem(menu, { source: 'Hello', target: TRIGGER_NODE_ID, sourceHandle: 'next' })).toBe('');
    expect(connectionProblem(menu, { source: 'Hello', target: 'no_such_step', sourceHandle: 'next' })).toBe('');
    expect(connectionProblem(menu, { source: 'Hello', target: 'failure', sourceHandle: null })).toBe('');
  });
});
