'use client';
import * as React from 'react';
import Link from 'next/link';
import { CheckCircle2, Send, Smartphone, Wand2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { PhoneFrame, TemplateBubble } from '@/components/whatsapp-preview';
import { renderTemplate } from '@/lib/templates/render-template';
import { fillTemplateComponents, templateSlots, type TemplateSlot } from '@/lib/templates/template-slots';
import type { TemplateCategory, TemplateComponent } from '@/lib/templates/template-schema';
import type { TemplateSender } from '@/lib/templates/list-template-senders';

export type SendableTemplate = { id: string; name: string; language: string; category: TemplateCategory; components: TemplateComponent[] };
type Result<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };
type SendInput = { id: string; subAccountId: string; msisdn: string; values: Record<string, string> };

/** An empty value shows as the raw variable on the preview, as the designer shows an unwritten sample. */
function previewValue(slot: TemplateSlot, value: string): string {
  if (value.trim() || (slot.kind !== 'text' && slot.kind !== 'url' && slot.kind !== 'coupon')) return value;
  return `{{${/body\.(\d+)$/.exec(slot.key)?.[1] ?? 1}}}`;
}

/**
 * The template page's Send: a subaccount, a number and one field per parameter (templateSlots), with
 * the phone preview filled as the customer will see it. The send goes through the send pipeline.
 */
export function SendTemplateForm({
  template,
  senders,
  phones,
  send,
}: {
  template: SendableTemplate;
  senders: TemplateSender[];
  /** The user's Simulator phones, offered as numbers to send to. */
  phones: string[];
  send: (input: SendInput) => Promise<Result<{ umid: string }>>;
}) {
  const slots = React.useMemo(() => templateSlots(template), [template]);
  const [subAccountId, setSubAccountId] = React.useState(senders[0]?.subAccountId ?? '');
  const [msisdn, setMsisdn] = React.useState(phones[0] ?? '');
  const [values, setValues] = React.useState<Record<string, string>>(() => Object.fromEntries(slots.map((s) => [s.key, ''])));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [sent, setSent] = React.useState<{ umid: string; subAccountId: string; msisdn: string } | null>(null);
  const [pending, start] = React.useTransition();
  const sender = senders.find((s) => s.subAccountId === subAccountId);
  const rendered = React.useMemo(() => {
    const shown = Object.fromEntries(slots.map((s) => [s.key, previewValue(s, values[s.key] ?? '')]));
    return renderTemplate(template, { name: template.name, language: template.language, components: fillTemplateComponents(template, shown) });
  }, [template, slots, values]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = Object.fromEntries(slots.filter((s) => !values[s.key]?.trim()).map((s) => [s.key, `Give a value for ${s.label}`]));
    if (!msisdn.trim()) missing.msisdn = 'Enter the customer’s number, e.g. +15551234567';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    start(async () => {
      const r = await send({ id: template.id, subAccountId, msisdn, values });
      if (!r.ok) {
        const f = r.fieldErrors ?? {};
        const onNumber = f['user.msisdn'] ?? f.msisdn;
        setErrors(onNumber ? { msisdn: r.error } : { _: r.error });
        toast.error(r.error);
        return;
      }
      setSent({ umid: r.data.umid, subAccountId, msisdn });
      toast.success(`Sent ${template.name} to ${msisdn}`);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
      <div className="min-w-0 space-y-4">
        <Card>
          <CardHeader>
            <CardTitle>Recipient</CardTitle>
            <CardDescription>The subaccount sends from its WhatsApp number; the template must be approved there.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <Field label="Subaccount" htmlFor="send-subaccount" help={sender ? `${sender.subAccountId} · from ${sender.channelName}` : undefined}>
              <Select id="send-subaccount" value={subAccountId} onChange={(e) => setSubAccountId(e.target.value)}>
                {senders.map((s) => (
                  <option key={s.subAccountId} value={s.subAccountId}>
                    {s.subAccountName}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Customer number" htmlFor="send-msisdn" help="E.164 with the country code. Your Simulator phones are suggested." error={errors.msisdn}>
              <Input
                id="send-msisdn"
                value={msisdn}
                list="send-msisdn-phones"
                inputMode="tel"
                placeholder="+15551234567"
                aria-invalid={!!errors.msisdn}
                onChange={(e) => setMsisdn(e.target.value)}
              />
              <datalist id="send-msisdn-phones">
                {phones.map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
            </Field>
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
            <div>
              <CardTitle>Parameters</CardTitle>
              <CardDescription>
                {slots.length ? 'One value for each variable of the template.' : 'This template has no variables: it is sent as written.'}
              </CardDescription>
            </div>
            {slots.length > 0 && (
              <Button type="button" variant="outline" size="sm" onClick={() => setValues(Object.fromEntries(slots.map((s) => [s.key, s.example])))}>
                <Wand2 /> Use the sample values
              </Button>
            )}
          </CardHeader>
          {slots.length > 0 && (
            <CardContent className="grid gap-4 sm:grid-cols-2">
              {slots.map((s) => (
                <Field key={s.key} label={s.label} htmlFor={`send-slot-${s.key}`} error={errors[s.key]}>
                  <Input
                    id={`send-slot-${s.key}`}
                    type={s.kind === 'image' || s.kind === 'video' || s.kind === 'document' ? 'url' : 'text'}
                    value={values[s.key] ?? ''}
                    placeholder={`e.g. ${s.example}`}
                    aria-invalid={!!errors[s.key]}
                    onChange={(e) => setValues({ ...values, [s.key]: e.target.value })}
                  />
                </Field>
              ))}
            </CardContent>
          )}
        </Card>
        {errors._ && (
          <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm font-medium text-destructive">
            {errors._}
          </p>
        )}
        {sent && (
          <div
            className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100"
            data-testid="send-result"
          >
            <span className="flex min-w-0 items-start gap-2">
              <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span className="min-w-0 [overflow-wrap:anywhere]">
                Queued for {sent.msisdn} from {sent.subAccountId}. Message id <code className="font-mono text-xs">{sent.umid}</code>
              </span>
            </span>
            <Button variant="outline" size="sm" asChild>
              <Link
                href={`/simulator?subAccountId=${encodeURIComponent(sent.subAccountId)}&msisdn=${encodeURIComponent(sent.msisdn)}`}
                data-testid="open-simulator"
              >
                <Smartphone /> See it on the Simulator
              </Link>
            </Button>
          </div>
        )}
        <div className="flex justify-end border-t pt-4">
          <Button type="submit" disabled={pending} data-testid="send-template-submit">
            <Send /> {pending ? 'Sending…' : 'Send now'}
          </Button>
        </div>
      </div>
      <div className="min-w-0 lg:sticky lg:top-4 lg:self-start" data-testid="send-preview">
        <PhoneFrame theme="light" title={sender?.channelName ?? 'Business'}>
          <TemplateBubble rendered={rendered} />
        </PhoneFrame>
      </div>
    </form>
  );
}
