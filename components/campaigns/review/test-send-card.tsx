'use client';
import * as React from 'react';
import Link from 'next/link';
import { CheckCircle2, Loader2, Send } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };
export type TestSendAction = (input: { id: string; msisdn: string; row?: number }) => Promise<ActionResult<{ umid: string }>>;

/** Sends the row on screen to a number of the user's choice, now, through the real send pipeline. */
export function TestSendCard({ campaignId, row, testSend }: { campaignId: string; row: number | null; testSend: TestSendAction }) {
  const [msisdn, setMsisdn] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [sent, setSent] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const n = msisdn.replace(/[\s().-]/g, '');
    if (!/^\+?[1-9]\d{6,14}$/.test(n)) return setError('Enter the number with its country code, e.g. +6591234567');
    setError(null);
    start(async () => {
      const r = await testSend({ id: campaignId, msisdn: n.startsWith('+') ? n : `+${n}`, ...(row ? { row } : {}) });
      if (!r.ok) {
        setError(r.fieldErrors?.msisdn ?? r.error);
        return;
      }
      setSent(n.startsWith('+') ? n : `+${n}`);
      toast.success(`Test message sent to ${n}`);
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Send a test</CardTitle>
        <CardDescription>{row ? `Row ${row}'s message, as shown above, to any number.` : 'The first recipient’s message, to any number.'}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="space-y-3">
          <Field label="Test number" htmlFor="test-msisdn" error={error}>
            <div className="flex gap-2">
              <Input
                id="test-msisdn"
                inputMode="tel"
                placeholder="+6591234567"
                value={msisdn}
                onChange={(e) => {
                  setMsisdn(e.target.value);
                  setSent(null);
                }}
                aria-invalid={!!error}
              />
              <Button type="submit" variant="outline" disabled={pending || !msisdn.trim()} data-testid="send-test">
                {pending ? <Loader2 className="animate-spin" /> : <Send />} Send test
              </Button>
            </div>
          </Field>
          {sent ? (
            <p className="flex items-start gap-1.5 text-xs text-green-700 dark:text-green-400" role="status" data-testid="test-sent">
              <CheckCircle2 className="mt-px size-3.5 shrink-0" aria-hidden />
              <span>
                Sent to {sent}. On the sandbox, open it in the{' '}
                <Link href="/simulator" className="font-medium underline underline-offset-2">
                  Simulator
                </Link>
                .
              </span>
            </p>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
