'use client';
import * as React from 'react';
import { Check, Copy } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { buildSendPayload, curlFor } from '@/lib/templates/build-send-payload';
import type { TemplateComponent } from '@/lib/templates/template-schema';

type Props = {
  accountId: string;
  channelId: string;
  subAccountId?: string;
  template: { name: string; language: string; category: string; components: TemplateComponent[] };
};

/** The creation payload and a ready send payload, as JSON and as curl, for copying. */
export function CodePanel({ accountId, channelId, subAccountId, template }: Props) {
  const [origin, setOrigin] = React.useState('https://parley.example.com');
  React.useEffect(() => setOrigin(window.location.origin), []);
  const [format, setFormat] = React.useState<'json' | 'curl'>('json');
  const createUrl = `${origin}/api/v1/accounts/${accountId}/channels/${channelId || '{channelId}'}/templates`;
  const sendUrl = `${origin}/api/v1/subaccounts/${subAccountId || '{subAccountId}'}/messages`;
  const send = buildSendPayload(template);
  return (
    <div className="space-y-4">
      <div className="inline-flex rounded-[var(--radius)] border bg-muted p-0.5 text-xs" role="radiogroup" aria-label="Code format">
        {(['json', 'curl'] as const).map((f) => (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control: buttons with the radio role (WAI-ARIA's radio group pattern), styled as one strip
          <button
            key={f}
            type="button"
            role="radio"
            aria-checked={format === f}
            onClick={() => setFormat(f)}
            className={`rounded-[calc(var(--radius)-2px)] px-2.5 py-1 font-medium ${format === f ? 'bg-card shadow-xs' : 'text-muted-foreground'}`}
          >
            {f === 'json' ? 'JSON' : 'curl'}
          </button>
        ))}
      </div>
      <CodeBlock
        testId="code-create"
        title="Create the template"
        subtitle={`POST ${createUrl}`}
        code={format === 'json' ? JSON.stringify(template, null, 2) : curlFor(createUrl, template)}
      />
      <CodeBlock
        testId="code-send"
        title="Send it"
        subtitle={`POST ${sendUrl}`}
        code={format === 'json' ? JSON.stringify(send, null, 2) : curlFor(sendUrl, send)}
      />
    </div>
  );
}

function CodeBlock({ title, subtitle, code, testId }: { title: string; subtitle: string; code: string; testId: string }) {
  const [copied, setCopied] = React.useState(false);
  return (
    <div className="overflow-hidden rounded-[var(--radius)] border">
      <div className="flex items-center justify-between gap-2 border-b bg-muted px-3 py-2">
        <div className="min-w-0">
          <p className="text-xs font-semibold">{title}</p>
          <p className="truncate font-mono text-[11px] text-muted-foreground">{subtitle}</p>
        </div>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(code).catch(() => {});
            setCopied(true);
            toast.success(`${title}: copied`);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? <Check /> : <Copy />} Copy
        </Button>
      </div>
      <pre data-testid={testId} className="max-h-80 overflow-auto bg-card p-3 font-mono text-xs leading-relaxed">
        {code}
      </pre>
    </div>
  );
}
