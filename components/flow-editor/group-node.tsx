'use client';

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { GROUP_HANDLE_SIZE, GROUP_HANDLE_Y } from '@/lib/automation/graph/node-size';
import type { GroupNodeData } from '@/lib/automation/graph/types';
import { cn } from '@/lib/utils';
import { sameNodeView } from './same-node-view';

/** An If's "do" sequence: a box around the steps that run, in order, when the condition holds. */
function GroupNodeView({ data, selected }: NodeProps & { data: GroupNodeData }) {
  return (
    <div
      data-testid={`group-node-${data.ifId}-${data.index}`}
      className={cn('h-full w-full rounded-xl border-2 border-dashed bg-violet-500/5', selected ? 'border-primary' : 'border-violet-400/60')}
    >
      <Handle
        type="target"
        position={Position.Left}
        id="in"
        isConnectable={false}
        className="!bg-violet-500"
        style={{ width: GROUP_HANDLE_SIZE, height: GROUP_HANDLE_SIZE, top: GROUP_HANDLE_Y }}
      />
      <div className="px-3 pt-1 text-[11px] font-medium text-violet-700 dark:text-violet-300">
        {data.ifId} · then{data.index > 0 ? ` (${data.index + 1})` : ''} — drop steps here
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView, sameNodeView);
