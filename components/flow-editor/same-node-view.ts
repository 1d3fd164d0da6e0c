import type { NodeProps } from '@xyflow/react';

/**
 * memo() comparator for the canvas's node components: React Flow hands a node its position on every
 * drag frame, but what a node draws depends only on its data, selection and type.
 */
export const sameNodeView = (a: NodeProps, b: NodeProps) => a.data === b.data && a.selected === b.selected && a.type === b.type;
