'use client';
import * as React from 'react';
import Link from 'next/link';
import { toast } from 'sonner';
import { ArrowLeft, Pencil } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import type { Result } from '@/components/converse/types';

export type ConverseConfigValues = { resolvedToClosedHours: number; pendingToClosedHours: number; maxAssignedTicketsPerAgent: number };
type Draft = Record<keyof ConverseConfigValues, string>;

const FIELDS: { key: keyof ConverseConfigValues; label: string; help: string; unit: (n: number) => string }[] = [
  {
    key: 'resolvedToClosedHours',
    label: 'Resolved to Closed',
    help: 'Hours after which a Resolved ticket changes its status to Closed (fractions allowed: 0.5 is half an hour).',
    unit: (n) => `${n} ${n === 1 ? 'hour' : 'hours'}`,
  },
  {
    key: 'pendingToClosedHours',
    label: 'Pending to Closed',
    help: 'Hours after which a Pending ticket changes its status to Closed.',
    unit: (n) => `${n} ${n === 1 ? 'hour' : 'hours'}`,
  },
  {
    key: 'maxAssignedTicketsPerAgent',
    label: 'Maximum assigned tickets per agent',
    help: 'Active and pending tickets one agent may hold; taking or assigning one more is refused.',
    unit: (n) => `${n} ${n === 1 ? 'ticket' : 'tickets'}`,
  },
];

const toDraft = (c: ConverseConfigValues): Draft => ({
  resolvedToClosedHours: String(c.resolvedToClosedHours),
  pendingToClosedHours: String(c.pendingToClosedHours),
  maxAssignedTicketsPerAgent: String(c.maxAssignedTicketsPerAgent),
});

/**
 * Converse's configuration page as the reference docs describe it: the values, "Edit configuration" at
 * the top right, then "Save changes" to apply them at once or "Discard changes" to leave them.
 */
export function ConverseConfigForm({
  initial,
  save,
  children,
}: {
  initial: ConverseConfigValues;
  save: (c: ConverseConfigValues) => Promise<Result<ConverseConfigValues>>;
  children?: React.ReactNode;
}) {
  const [config, setConfig] = React.useState(initial);
  const [draft, setDraft] = React.useState<Draft | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [pending, setPending] = React.useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setPending(true);
    const r = await save({
      resolvedToClosedHours: Number(draft.resolvedToClosedHours),
      pendingToClosedHours: Number(draft.pendingToClosedHours),
      maxAssignedTicketsPerAgent: Number(draft.maxAssignedTicketsPerAgent),
    });
    setPending(false);
    if (!r.ok) {
      setErrors(r.fieldErrors ?? { _: r.error });
      return;
    }
    setConfig(r.data);
    setDraft(null);
    setErrors({});
    toast.success('Configuration saved: it applies now');
  }

  return (
    <>
      <PageHeader
        title="Converse configuration"
        description="When tickets close by themselves and how many one agent may hold. Supervisors and administrators only."
        actions={
          <>
            <Button variant="ghost" asChild>
              <Link href="/converse">
                <ArrowLeft /> Inbox
              </Link>
            </Button>
            {draft ? null : (
              <Button onClick={() => setDraft(toDraft(config))}>
                <Pencil /> Edit configuration
              </Button>
            )}
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Tickets</CardTitle>
            <CardDescription>By default tickets close 1 hour after they are resolved or set pending, and an agent holds at most five.</CardDescription>
          </CardHeader>
          <CardContent>
            {draft ? (
              <form onSubmit={submit} className="flex flex-col gap-4" data-testid="converse-config-form">
                <div className="grid gap-4 md:grid-cols-3">
                  {FIELDS.map((f) => (
                    <Field key={f.key} label={f.label} htmlFor={`cfg-${f.key}`} help={f.help} error={errors[f.key]}>
                      <Input
                        id={`cfg-${f.key}`}
                        type="number"
                        inputMode="decimal"
                        step={f.key === 'maxAssignedTicketsPerAgent' ? 1 : 'any'}
                        min={f.key === 'maxAssignedTicketsPerAgent' ? 1 : 0}
                        value={draft[f.key]}
                        aria-invalid={!!errors[f.key]}
                        onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                      />
                    </Field>
                  ))}
                </div>
                {errors._ ? (
                  <p role="alert" className="text-sm text-destructive">
                    {errors._}
                  </p>
                ) : null}
                <div className="flex justify-end gap-2">
                  <Button
                    type="button"
                    variant="outline"
                    onClick={() => {
                      setDraft(null);
                      setErrors({});
                    }}
                  >
                    Discard changes
                  </Button>
                  <Button type="submit" disabled={pending}>
                    Save changes
                  </Button>
                </div>
              </form>
            ) : (
              <dl className="grid gap-4 md:grid-cols-3" data-testid="converse-config">
                {FIELDS.map((f) => (
                  <div key={f.key} className="space-y-1">
                    <dt className="text-sm text-muted-foreground">{f.label}</dt>
                    <dd className="text-lg font-semibold" data-testid={`cfg-value-${f.key}`}>
                      {f.unit(config[f.key])}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </CardContent>
        </Card>
        {children}
      </div>
    </>
  );
}
