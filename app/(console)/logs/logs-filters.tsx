import { Input, Select } from '@/components/ui/input';
import { Button } from '@/components/ui/button';

// A plain GET form: the filters become the URL, so Back, reload and sharing a link all keep them.
export function LogsFilters({ subAccounts, values }: { subAccounts: Array<{ id: string; name: string }>; values: Record<string, string> }) {
  const label = 'flex flex-col gap-1 text-xs font-medium text-muted-foreground';
  return (
    <form method="get" action="/logs" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border bg-card p-4 md:grid-cols-4 xl:grid-cols-6" aria-label="Filters">
      <label className={`${label} col-span-2 md:col-span-1 xl:col-span-2`}>
        Subaccount
        <Select name="subAccountId" defaultValue={values.subAccountId}>
          {subAccounts.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Direction
        <Select name="direction" defaultValue={values.direction ?? ''}>
          <option value="">Any</option>
          <option value="inbound">Inbound</option>
          <option value="outbound">Outbound</option>
        </Select>
      </label>
      <label className={label}>
        Status
        <Select name="status" defaultValue={values.status ?? ''}>
          <option value="">Any</option>
          {['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received'].map((s) => (
            <option key={s} value={s}>
              {s[0]!.toUpperCase() + s.slice(1)}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Channel
        <Select name="channel" defaultValue={values.channel ?? ''}>
          <option value="">Any</option>
          <option value="whatsapp">WhatsApp</option>
          <option value="sms">SMS</option>
          <option value="voice">Voice</option>
        </Select>
      </label>
      <label className={label}>
        Country
        <Input name="country" placeholder="US" maxLength={2} defaultValue={values.country ?? ''} />
      </label>
      <label className={label}>
        MSISDN
        <Input name="msisdn" placeholder="+15551234567" defaultValue={values.msisdn ?? ''} />
      </label>
      <label className={label}>
        UMID
        <Input name="umid" placeholder="Message id" defaultValue={values.umid ?? ''} />
      </label>
      <label className={label}>
        From
        <Input name="from" type="date" defaultValue={values.from ?? ''} />
      </label>
      <label className={label}>
        To
        <Input name="to" type="date" defaultValue={values.to ?? ''} />
      </label>
      <div className="col-span-2 flex items-end gap-2 md:col-span-1">
        <Button type="submit">Apply</Button>
        <Button asChild variant="ghost">
          <a href={`/logs?subAccountId=${encodeURIComponent(values.subAccountId ?? '')}`}>Clear</a>
        </Button>
      </div>
    </form>
  );
}
