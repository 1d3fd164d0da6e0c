import { START_HANDLE } from './derive-edges';
import {
  EMPTY_GROUP,
  GROUP_HANDLE_SIZE,
  GROUP_HANDLE_Y,
  HANDLE_SIZE,
  INPUT_HANDLE_Y,
  NODE_BORDER,
  NODE_HEADER,
  NODE_WIDTH,
  OUTCOME_ROW,
  stepNodeHeight,
  TRIGGER_HEIGHT,
} from './node-size';
import { outcomesOf } from './outcomes';
import { isGroupNode, isTriggerNode, type GraphNode } from './types';

/** A handle's box relative to its node's top-left corner (React Flow's `NodeHandle`). */
export type HandleBox = { id: string; type: 'source' | 'target'; position: 'left' | 'right'; x: number; y: number; width: number; height: number };

export type NodeGeometry = { width: number; height: number; handles: HandleBox[] };

const square = (id: string, type: HandleBox['type'], position: HandleBox['position'], cx: number, cy: number, size: number): HandleBox => ({
  id,
  type,
  position,
  x: cx - size / 2,
  y: cy - size / 2,
  width: size,
  height: size,
});

/**
 * The size and handle boxes a node is drawn with, computed from its data the way the node
 * components lay themselves out (handles sit centred on the node's left edge, or on the right edge
 * of their outcome row). Handing these to React Flow up front means it needs no DOM measurement to
 * draw edges or cull off-screen nodes: a 300-step import renders only the nodes in view, instead of
 * rendering, measuring and unmounting every node once.
 */
export function nodeGeometry(node: GraphNode): NodeGeometry {
  if (isTriggerNode(node)) {
    return { width: NODE_WIDTH, height: TRIGGER_HEIGHT, handles: [square(START_HANDLE, 'source', 'right', NODE_WIDTH, TRIGGER_HEIGHT / 2, HANDLE_SIZE)] };
  }
  if (isGroupNode(node)) {
    const width = node.width ?? EMPTY_GROUP.width;
    const height = node.height ?? EMPTY_GROUP.height;
    return { width, height, handles: [square('in', 'target', 'left', 0, GROUP_HANDLE_Y, GROUP_HANDLE_SIZE)] };
  }
  const outcomes = outcomesOf(node.data);
  const handles = [square('in', 'target', 'left', 0, INPUT_HANDLE_Y, HANDLE_SIZE)];
  outcomes.forEach((o, i) => {
    const rowTop = NODE_BORDER + NODE_HEADER + i * OUTCOME_ROW;
    handles.push(square(o.handle, 'source', 'right', NODE_WIDTH - NODE_BORDER, rowTop + OUTCOME_ROW / 2, HANDLE_SIZE));
  });
  return { width: NODE_WIDTH, height: stepNodeHeight(node, node.data.doCount ?? 0), handles };
}
