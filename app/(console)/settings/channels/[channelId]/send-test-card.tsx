'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { Send } from 'lucide-react';
import type { ChannelDetail } from '@/lib/provisioning/get-channel-detail';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Field } from '@/components/ui/field';
import { Input, Select, Textarea } from '@/components/ui/input';
import { channelTestStatusAction, sendChannelTestAction } from '../actions';

type Status = { state: string; detail?: string; errorCode?: number; errorMessage?: string; timestamp: string };
const FINAL = new Set(['delivered', 'read', 'undelivered', 'rejected']);
// Outside the 24 h customer service window WhatsApp takes only templates (the outbox ends a text with 1022).
const WINDOW_EXPIRED = 1022;

function tone(state: string) {
  if (state === 'delivered' || state === 'read') return 'success' as const;
  if (state === 'undelivered' || state === 'rejected') return 'danger' as const;
  return 'info' as const;
}

export function SendTestCard({ detail, canSend }: { detail: ChannelDetail; canSend: boolean }) {
  const router = useRouter();
  const whatsapp = detail.channel.kind === 'whatsapp';
  const [msisdn, setMsisdn] = React.useState('');
  const [content, setContent] = React.useState(
    whatsapp && detail.templates[0] ? `template:${detail.templates[0].name}:${detail.templates[0].language}` : 'text',
  );
  const [text, setText] = React.useState('Hello from Parley: this is a test message.');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [sent, setSent] = React.useState<{ umid: string; status: Status | null } | null>(null);
  const [pending, start] = React.useTransition();

  // Follows the message until it settles (or for about 20 s): the carrier answers after the send.
  const umid = sent?.umid;
  React.useEffect(() => {
    if (!umid) return;
    let tries = 0;
    const t = setInterval(async () => {
      const r = await channelTestStatusAction({ umid });
      const status = r.ok ? r.data : null;
      if (status) setSent((s) => (s && s.umid === umid ? { ...s, status } : s));
      if (++tries >= 20 || (status && FINAL.has(status.state))) {
        clearInterval(t);
        router.refresh();
      }
    }, 1000);
    return () => clearInterval(t);
  }, [umid, router]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setErrors({});
    setSent(null);
    start(async () => {
      const r = await sendChannelTestAction({ channelId: detail.channel.id, msisdn, content: whatsapp ? content : 'text', text });
      if (!r.ok) {
        const f = r.fieldErrors ?? {};
        return setErrors({ msisdn: f['user.msisdn'] ?? f.destination ?? f.msisdn ?? '', text: f.text ?? '', _: r.error });
      }
      setSent({ umid: r.data.umid, status: null });
    });
  }

  const status = sent?.status;
  const usingText = !whatsapp || content === 'text';
  return (
    <Card className="self-start">
      <CardHeader>
        <CardTitle>Send a test message</CardTitle>
        <CardDescription>
          Through the same pipeline as the API, from this channel{detail.channel.provider === '8x8' ? ', to a real phone' : ''}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {detail.accountSuspended ? (
          <p className="mb-4 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
            This account is suspended: sends are refused until a partner admin resumes it.
          </p>
        ) : null}
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="To" htmlFor="test-msisdn" help="The customer's number in E.164." error={errors.msisdn || null}>
            <Input
              id="test-msisdn"
              value={msisdn}
              onChange={(e) => {
                setMsisdn(e.target.value);
                setErrors({});
              }}
              placeholder="+6591234567"
              className="font-mono"
              aria-invalid={!!errors.msisdn}
            />
          </Field>
          {whatsapp ? (
            <Field
              label="Message"
              htmlFor="test-content"
              help={
                usingText
                  ? 'A text reaches the customer only within 24 hours of their last message; outside that, send a template.'
                  : 'Sent with the template’s sample values.'
              }
            >
              <Select id="test-content" value={content} onChange={(e) => setContent(e.target.value)}>
                {detail.templates.map((t) => (
                  <option key={`${t.name}:${t.language}`} value={`template:${t.name}:${t.language}`}>
                    Template {t.name} ({t.language})
                  </option>
                ))}
                <option value="text">Text message</option>
              </Select>
            </Field>
          ) : null}
          {usingText ? (
            <Field label="Text" htmlFor="test-text" error={errors.text || null}>
              <Textarea
                id="test-text"
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setErrors({});
                }}
                rows={3}
                aria-invalid={!!errors.text}
              />
            </Field>
          ) : null}
          {errors._ && !errors.msisdn && !errors.text ? (
            <p role="alert" className="text-sm text-destructive">
              {errors._}
            </p>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={pending || !canSend} title={canSend ? undefined : 'You need the Send Messages permission'}>
              <Send /> Send test message
            </Button>
          </div>
        </form>
        {sent ? (
          <div className="mt-4 space-y-2 rounded-md border bg-muted/40 px-3 py-3 text-sm" data-testid="test-send-result" aria-live="polite">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">Status</span>
              <Badge tone={tone(status?.state ?? 'queued')} data-testid="test-send-state">
                {status?.state ?? 'queued'}
              </Badge>
            </div>
            <p className="break-all font-mono text-xs text-muted-foreground">umid {sent.umid}</p>
            {status?.errorCode === WINDOW_EXPIRED ? (
              <p className="text-destructive">
                Not delivered: the customer has not written in the last 24 hours, so WhatsApp accepts only an approved template. Choose a template and send
                again.
              </p>
            ) : status?.errorCode != null ? (
              <p className="text-destructive">
                Error {status.errorCode}: {status.errorMessage ?? status.detail ?? 'not delivered'}
              </p>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
