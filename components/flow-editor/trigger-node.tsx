'use client';

import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { HANDLE_SIZE, NODE_WIDTH, TRIGGER_HEIGHT } from '@/lib/automation/graph/node-size';
import type { TriggerNodeData } from '@/lib/automation/graph/types';
import { cn } from '@/lib/utils';
import { TRIGGER_ICONS } from './step-icons';
import { sameNodeView } from './same-node-view';

export const TRIGGER_LABELS: Record<string, string> = {
  inbound_chat_apps: 'Inbound Chat Apps',
  inbound_sms: 'Inbound SMS',
  http_request: 'HTTP Request',
};

function TriggerNodeView({ data, selected }: NodeProps & { data: TriggerNodeData }) {
  const Icon = TRIGGER_ICONS[data.trigger] ?? TRIGGER_ICONS.default!;
  return (
    <div
      data-testid="trigger-node"
      style={{ width: NODE_WIDTH, height: TRIGGER_HEIGHT }}
      className={cn('rounded-lg border-2 bg-card px-3 py-2.5 shadow-sm', selected ? 'border-primary ring-2 ring-primary/40' : 'border-primary/60')}
    >
      <div className="flex items-center gap-2">
        <span className="flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground">
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="min-w-0">
          <div className="text-[10px] uppercase tracking-wide text-muted-foreground">Trigger</div>
          <div className="truncate text-sm font-semibold">{TRIGGER_LABELS[data.trigger] ?? data.trigger}</div>
        </div>
      </div>
      <div className="mt-1.5 truncate text-xs text-muted-foreground">{data.subAccountId ? `Subaccount ${data.subAccountId}` : 'Choose a subaccount'}</div>
      <Handle
        type="source"
        position={Position.Right}
        id="start"
        data-testid="handle-trigger-start"
        className="!border-2 !border-card !bg-primary"
        style={{ width: HANDLE_SIZE, height: HANDLE_SIZE }}
      />
    </div>
  );
}

export const TriggerNode = memo(TriggerNodeView, sameNodeView);
