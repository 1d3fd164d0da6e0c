'use client';
import * as React from 'react';
import { Pin, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { CustomerPhone, type SimulatorActions } from '@/components/simulator/customer-phone';
import { addSimulatorPhoneAction, customerReplyAction, loadConversationAction, pressKeyAction, removeSimulatorPhoneAction } from './actions';

type Sub = { id: string; name: string; whatsapp: string | null; sms: string | null };

const actions: SimulatorActions = { load: loadConversationAction, reply: customerReplyAction, press: pressKeyAction };

export function SimulatorClient({ subAccounts, phones, focus }: { subAccounts: Sub[]; phones: string[]; focus: { subAccountId?: string; msisdn?: string } }) {
  const [subAccountId, setSubAccountId] = React.useState(
    subAccounts.find((s) => s.id === focus.subAccountId)?.id ?? subAccounts.find((s) => s.whatsapp)?.id ?? subAccounts[0]?.id ?? '',
  );
  // The user's phones, as the server keeps them; a number opened from a link is shown in front until kept.
  const [customers, setCustomers] = React.useState<string[]>(phones);
  const visiting = focus.msisdn && !customers.includes(focus.msisdn) ? focus.msisdn : null;
  const [draft, setDraft] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  const sub = subAccounts.find((s) => s.id === subAccountId);

  const add = (msisdn: string, done?: () => void) =>
    start(async () => {
      const r = await addSimulatorPhoneAction({ msisdn });
      if (!r.ok) return setError(r.error);
      setCustomers(r.data);
      setError(null);
      done?.();
      // The row of phones scrolls sideways: bring the one just added into view.
      requestAnimationFrame(() =>
        document
          .querySelector(`[data-testid="sim-phone"][data-msisdn="${CSS.escape(r.data.at(-1) ?? '')}"]`)
          ?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
      );
    });
  const remove = (msisdn: string) =>
    start(async () => {
      const r = await removeSimulatorPhoneAction({ msisdn });
      if (!r.ok) return void toast.error(r.error);
      setCustomers(r.data);
    });

  return (
    <div className="flex flex-col gap-4">
      {/* items-start: aligned at the bottom, an error under the customer field pushed the subaccount
          select down out of line with it. */}
      <div className="flex flex-wrap items-start gap-x-4 gap-y-2 rounded-lg border bg-card px-4 py-3">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
          Subaccount
          <Select aria-label="Subaccount" value={subAccountId} onChange={(e) => setSubAccountId(e.target.value)} className="w-64 max-w-full">
            {subAccounts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
                {s.whatsapp ? '' : ' (no WhatsApp number)'}
              </option>
            ))}
          </Select>
        </label>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add(draft, () => setDraft(''));
          }}
          className="flex flex-col gap-1"
        >
          <label htmlFor="sim-new-customer" className="text-xs font-medium text-muted-foreground">
            Add a customer
          </label>
          <div className="flex gap-2">
            <Input
              id="sim-new-customer"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder="+15557654321"
              aria-invalid={!!error}
              className="w-48"
            />
            <Button type="submit" variant="outline" disabled={pending}>
              <Plus /> Add phone
            </Button>
          </div>
          {error ? (
            <p role="alert" className="text-xs text-destructive">
              {error}
            </p>
          ) : null}
        </form>
        <p className="min-w-0 max-w-md flex-1 basis-56 self-center text-xs text-muted-foreground">
          Numbers ending in 0000 are unreachable on the sandbox network. Every phone here is a customer of {sub?.name ?? 'this subaccount'}; your phones are
          kept for you on every browser you sign in from.
        </p>
      </div>
      <div className="flex gap-6 overflow-x-auto pb-2">
        {sub
          ? [...(visiting ? [visiting] : []), ...customers].map((msisdn) => (
              <CustomerPhone
                key={`${sub.id}:${msisdn}`}
                subAccountId={sub.id}
                businessName={sub.whatsapp ?? sub.name}
                msisdn={msisdn}
                actions={actions}
                onRemove={msisdn !== visiting && customers.length > 1 ? () => remove(msisdn) : undefined}
                extra={
                  msisdn === visiting ? (
                    <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" disabled={pending} onClick={() => add(msisdn)} data-testid="sim-keep-phone">
                      <Pin className="size-3.5" /> Keep this phone
                    </Button>
                  ) : null
                }
              />
            ))
          : null}
      </div>
    </div>
  );
}
