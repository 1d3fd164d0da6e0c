'use client';

import { Copy } from 'lucide-react';
import { toast } from 'sonner';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import type { TriggerNodeData } from '@/lib/automation/graph/types';
import { useEditorEnv } from '../editor-context';
import { SubAccountSelect } from '../fields/subaccount-select';
import { TRIGGER_LABELS } from '../trigger-node';

export function triggerUrl(origin: string, accountId: string, subAccountId: string) {
  return `${origin}/api/v1/accounts/${encodeURIComponent(accountId)}/triggers/http_request?subAccountId=${encodeURIComponent(subAccountId || ':subAccountId')}`;
}

/** The trigger: which event starts the workflow, on which subaccount; for HTTP, the URL and a curl. */
export function TriggerPanel({ data, onChange }: { data: TriggerNodeData; onChange: (d: TriggerNodeData) => void }) {
  const { accountId, origin } = useEditorEnv();
  const url = triggerUrl(origin, accountId, data.subAccountId);
  const curl = `curl -X POST '${url}' \\\n  --header 'Content-Type: application/json' \\\n  --header 'Authorization: Bearer YOUR_API_KEY' \\\n  --data-raw '{ "price": "10", "item": "vacuum" }'`;
  return (
    <div className="space-y-4">
      <Field label="Trigger" htmlFor="trigger-kind" help="One trigger per workflow">
        <Select id="trigger-kind" value={data.trigger} onChange={(e) => onChange({ ...data, trigger: e.target.value })}>
          {Object.entries(TRIGGER_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      <SubAccountSelect
        id="trigger-subaccount"
        value={data.subAccountId}
        onChange={(v) => onChange({ ...data, subAccountId: v })}
        help={data.trigger === 'http_request' ? 'The subaccount that holds this URL endpoint' : 'Inbound messages on this subaccount start the workflow'}
      />
      {data.trigger === 'http_request' ? (
        <div className="space-y-2">
          <div className="text-sm font-medium">Webhook trigger URL</div>
          <code className="block break-all rounded-md bg-muted p-2 text-xs" data-testid="trigger-url">
            {url}
          </code>
          <div className="flex items-center justify-between">
            <span className="text-sm font-medium">Sample request</span>
            <button
              type="button"
              className="inline-flex items-center gap-1 text-xs text-primary hover:underline"
              onClick={() =>
                navigator.clipboard?.writeText(curl).then(
                  () => toast.success('Copied the curl command'),
                  () => toast.error('Could not copy'),
                )
              }
            >
              <Copy className="size-3.5" /> Copy
            </button>
          </div>
          <pre className="overflow-x-auto whitespace-pre rounded-md bg-muted p-2 text-[11px]" data-testid="trigger-curl">
            {curl}
          </pre>
          <p className="text-xs text-muted-foreground">
            The JSON body becomes data: here {'{{data.price}}'} is “10” and {'{{data.item}}'} is “vacuum”.
          </p>
        </div>
      ) : null}
    </div>
  );
}
