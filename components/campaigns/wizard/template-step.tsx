'use client';
import * as React from 'react';
import Link from 'next/link';
import { Search } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { MessagePreview } from '@/components/campaigns/message-preview';
import type { SubAccountOption, TemplateOption } from '@/components/campaigns/campaign-types';
import { templateParts } from '@/lib/templates/template-parts';
import { cn } from '@/lib/utils';

const titleCase = (s: string) => s[0] + s.slice(1).toLowerCase();

export function TemplateStep({
  subAccounts,
  templates,
  subAccountId,
  onSubAccount,
  templateId,
  onTemplate,
}: {
  subAccounts: SubAccountOption[];
  templates: TemplateOption[];
  subAccountId: string;
  onSubAccount: (id: string) => void;
  templateId: string;
  onTemplate: (id: string) => void;
}) {
  const [query, setQuery] = React.useState('');
  const sub = subAccounts.find((s) => s.id === subAccountId);
  const mine = templates.filter((t) => t.subAccountId === subAccountId);
  const shown = mine.filter((t) => !query || t.name.includes(query.trim().toLowerCase()));
  const chosen = mine.find((t) => t.id === templateId) ?? null;

  return (
    <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_360px]">
      <div className="min-w-0 space-y-5">
        <Card>
          <CardContent className="pt-5">
            <Field label="Send from" htmlFor="campaign-subaccount" help={sub ? `Messages go out from ${sub.channelName}.` : undefined}>
              <Select id="campaign-subaccount" value={subAccountId} onChange={(e) => onSubAccount(e.target.value)} className="sm:w-96">
                {subAccounts.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.id})
                  </option>
                ))}
              </Select>
            </Field>
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="gap-3 sm:flex-row sm:items-end sm:justify-between">
            <div>
              <CardTitle>Approved templates</CardTitle>
              <CardDescription>Only templates WhatsApp approved can start a conversation.</CardDescription>
            </div>
            {mine.length > 6 ? (
              <div className="relative sm:w-56">
                <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
                <Input aria-label="Search templates" placeholder="Search templates" className="pl-8" value={query} onChange={(e) => setQuery(e.target.value)} />
              </div>
            ) : null}
          </CardHeader>
          <CardContent>
            {mine.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                This subaccount has no approved template yet.{' '}
                <Link href="/templates/new" className="text-primary hover:underline">
                  Design one
                </Link>{' '}
                and submit it for review, or send from another subaccount.
              </p>
            ) : (
              <div role="radiogroup" aria-label="Template" className="grid gap-2 md:grid-cols-2">
                {shown.map((t) => (
                  <TemplateCard key={t.id} template={t} active={t.id === templateId} onClick={() => onTemplate(t.id)} />
                ))}
                {shown.length === 0 ? <p className="text-sm text-muted-foreground">No template matches “{query}”.</p> : null}
              </div>
            )}
          </CardContent>
        </Card>
      </div>
      <div className="lg:sticky lg:top-20 lg:self-start">
        <MessagePreview
          template={chosen}
          businessName={sub?.channelName ?? 'Business'}
          footer={chosen ? <p className="text-center text-xs text-muted-foreground">With the template's sample values; the next step fills in yours.</p> : null}
        />
      </div>
    </div>
  );
}

function TemplateCard({ template, active, onClick }: { template: TemplateOption; active: boolean; onClick: () => void }) {
  const body = templateParts(template.components).body?.text ?? '';
  return (
    // biome-ignore lint/a11y/useSemanticElements: selectable cards (WAI-ARIA's radio pattern on buttons)
    <button
      type="button"
      role="radio"
      aria-checked={active}
      onClick={onClick}
      data-testid={`template-option-${template.name}`}
      className={cn(
        'flex min-w-0 flex-col gap-1.5 rounded-[var(--radius)] border p-3 text-left transition-colors focus-visible:outline-2 focus-visible:outline-ring',
        active ? 'border-primary bg-accent/60 ring-1 ring-primary' : 'hover:bg-muted/60',
      )}
    >
      <span className="flex w-full min-w-0 items-center gap-2">
        <span className="min-w-0 flex-1 truncate font-mono text-sm font-medium" title={template.name}>
          {template.name}
        </span>
        <Badge tone={template.category === 'MARKETING' ? 'info' : 'neutral'}>{titleCase(template.category)}</Badge>
      </span>
      <span className="text-xs text-muted-foreground">{template.language}</span>
      <span className="line-clamp-2 text-xs text-muted-foreground">{body}</span>
    </button>
  );
}
