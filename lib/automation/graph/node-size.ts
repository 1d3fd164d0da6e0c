import { outcomesOf } from './outcomes';
import type { GraphNode } from './types';

// Node sizes are fixed by content so layout can run before the browser measures anything (and in
// tests). The node components use the same numbers.
export const NODE_WIDTH = 260;
export const NODE_HEADER = 58;
export const OUTCOME_ROW = 22;
export const TRIGGER_HEIGHT = 84;
export const GROUP_PAD = 16;
export const GROUP_HEADER = 26;
export const EMPTY_GROUP = { width: NODE_WIDTH + 2 * GROUP_PAD, height: 72 };

export function stepNodeHeight(node: GraphNode, doCount = 0): number {
  if (node.type === 'trigger') return TRIGGER_HEIGHT;
  if (node.type === 'doGroup') return EMPTY_GROUP.height;
  return NODE_HEADER + outcomesOf(node.data as never, doCount).length * OUTCOME_ROW + 8;
}
