import { outcomesOf } from './outcomes';
import type { GraphNode } from './types';

// Node sizes are fixed by content so layout can run before the browser measures anything (and in
// tests), and so the canvas can tell React Flow every node's size and handles up front (see
// node-geometry.ts). The node components draw with these same numbers.
export const NODE_WIDTH = 260;
/** A step node's border (each side). */
export const NODE_BORDER = 1;
export const NODE_HEADER = 58;
export const OUTCOME_ROW = 22;
/** Space under a step node's last outcome row. */
export const NODE_FOOT = 8;
export const TRIGGER_HEIGHT = 84;
/** Handles are squares; a step's input handle is centred this far from its top. */
export const HANDLE_SIZE = 12;
export const INPUT_HANDLE_Y = 22;
export const GROUP_HANDLE_SIZE = 8;
export const GROUP_HANDLE_Y = 13;
export const GROUP_PAD = 16;
export const GROUP_HEADER = 26;
export const EMPTY_GROUP = { width: NODE_WIDTH + 2 * GROUP_PAD, height: 72 };

/** The height a node is drawn with (a group's own size is set by layout, from its steps). */
export function stepNodeHeight(node: GraphNode, doCount = 0): number {
  if (node.type === 'trigger') return TRIGGER_HEIGHT;
  if (node.type === 'doGroup') return EMPTY_GROUP.height;
  return 2 * NODE_BORDER + NODE_HEADER + outcomesOf(node.data as never, doCount).length * OUTCOME_ROW + NODE_FOOT;
}
