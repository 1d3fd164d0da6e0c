'use client';
import * as React from 'react';
import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { CustomerPhone, type SimulatorActions } from '@/components/simulator/customer-phone';
import { customerReplyAction, loadConversationAction, pressKeyAction } from './actions';

type Sub = { id: string; name: string; whatsapp: string | null; sms: string | null };

const actions: SimulatorActions = { load: loadConversationAction, reply: customerReplyAction, press: pressKeyAction };
const E164 = /^\+[1-9]\d{6,14}$/;

export function SimulatorClient({ subAccounts }: { subAccounts: Sub[] }) {
  const [subAccountId, setSubAccountId] = React.useState(subAccounts.find((s) => s.whatsapp)?.id ?? subAccounts[0]?.id ?? '');
  const [customers, setCustomers] = React.useState<string[]>(['+15551234567']);
  const [draft, setDraft] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const sub = subAccounts.find((s) => s.id === subAccountId);

  function add(e: React.FormEvent) {
    e.preventDefault();
    const n = draft.replace(/[\s()-]/g, '');
    if (!E164.test(n)) return setError('Enter the number in E.164 form, e.g. +15551234567');
    if (customers.includes(n)) return setError('That customer is already on screen');
    setCustomers([...customers, n]);
    setDraft('');
    setError(null);
  }

  return (
    <div className="flex flex-col gap-4">
      {/* items-start: aligned at the bottom, an error under the customer field pushed the subaccount
          select down out of line with it. */}
      <div className="flex flex-wrap items-start gap-4 rounded-lg border bg-card p-4">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
          Subaccount
          <Select aria-label="Subaccount" value={subAccountId} onChange={(e) => setSubAccountId(e.target.value)} className="w-64">
            {subAccounts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
                {s.whatsapp ? '' : ' (no WhatsApp number)'}
              </option>
            ))}
          </Select>
        </label>
        <form onSubmit={add} className="flex flex-col gap-1">
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
            <Button type="submit" variant="outline">
              <Plus /> Add phone
            </Button>
          </div>
          {error ? (
            <p role="alert" className="text-xs text-destructive">
              {error}
            </p>
          ) : null}
        </form>
        <p className="max-w-md text-xs text-muted-foreground">
          Numbers ending in 0000 are unreachable on the sandbox network. Every phone here is a customer of {sub?.name ?? 'this subaccount'}.
        </p>
      </div>
      <div className="flex gap-6 overflow-x-auto pb-4">
        {sub
          ? customers.map((msisdn) => (
              <CustomerPhone
                key={`${sub.id}:${msisdn}`}
                subAccountId={sub.id}
                businessName={sub.whatsapp ?? sub.name}
                msisdn={msisdn}
                actions={actions}
                onRemove={customers.length > 1 ? () => setCustomers(customers.filter((c) => c !== msisdn)) : undefined}
              />
            ))
          : null}
      </div>
    </div>
  );
}
