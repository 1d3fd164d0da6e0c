'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Trash2 } from 'lucide-react';
import type { RateRow } from '@/lib/messaging/pricing/rate-card';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input, Select } from '@/components/ui/input';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader } from '@/components/data-table/common-columns';
import { PageHeader } from '@/components/ui/page-header';
import { deleteRateAction, saveRateAction } from './actions';
import { MessagingLimitCard, type MessagingLimitView } from './messaging-limit-card';

const CATEGORIES = ['marketing', 'utility', 'authentication'] as const;

export function PricingClient({
  accountName,
  rates,
  messagingLimit,
  tiers,
}: {
  accountName: string;
  rates: RateRow[];
  messagingLimit: MessagingLimitView;
  tiers: { tier: string; limit: number | null }[];
}) {
  const byCategory = React.useMemo(
    () => Object.fromEntries(CATEGORIES.map((c) => [c, rates.filter((r) => r.category === c)])) as Record<(typeof CATEGORIES)[number], RateRow[]>,
    [rates],
  );
  return (
    <>
      <PageHeader
        title="Pricing"
        description={`${accountName}'s rate card: the price of each delivered template message by category and the recipient's country calling code (* = every other country). Utility and authentication get cheaper from the monthly volume shown. Utility templates are free inside the 24 h customer service window; everything is free inside the 72 h free entry point; service (freeform) messages are free.`}
      />
      {/* Keyed by the tier: the select starts again from the saved tier after a change. */}
      <MessagingLimitCard key={messagingLimit.tier} status={messagingLimit} tiers={tiers} />
      <AddRate />
      {/* Two balanced columns of cards, never three: three 300 px cards at 1280 px hid each row's
          delete button (and the Save that appears beside an edited price) behind a sideways scroll.
          Columns rather than a grid: the short marketing card does not leave a hole beside the long
          utility one. */}
      <div className="gap-6 lg:columns-2" data-testid="rate-tables">
        {CATEGORIES.map((cat) => (
          <Card key={cat} className="mb-6 break-inside-avoid">
            <h2 className="border-b px-4 py-3 text-sm font-semibold capitalize">{cat}</h2>
            <DataTable
              columns={columns}
              data={byCategory[cat]}
              getRowId={(r) => r.id}
              rowProps={(r) => ({ 'data-testid': `rate-${r.category}-${r.callingCode}-${r.fromVolume}` })}
              aria-label={`${cat} rates`}
              // Whole, not capped at the screen's height: in two columns of cards an inner scroll
              // hid the utility card's last rows.
              containerClassName="max-h-none"
              empty={<p className="px-4 py-6 text-sm text-muted-foreground">No {cat} rates: these messages are free until a rate is added above.</p>}
            />
          </Card>
        ))}
      </div>
    </>
  );
}

const col = dataTableColumns<RateRow>();
const columns = col.columns([
  col.accessor('callingCode', { header: 'Code', meta: { cellClassName: 'font-mono' }, cell: ({ getValue }) => (getValue() === '*' ? '*' : `+${getValue()}`) }),
  col.accessor('fromVolume', { header: 'From volume', meta: { cellClassName: 'tabular-nums' }, cell: ({ getValue }) => getValue().toLocaleString() }),
  col.display({ id: 'price', header: 'Price (USD)', cell: ({ row }) => <PriceForm rate={row.original} /> }),
  col.display({
    id: 'actions',
    header: actionsHeader,
    meta: { cellClassName: 'text-right' },
    cell: ({ row }) => <DeleteRate rate={row.original} />,
  }),
]);

/** The price, edited in place; Save appears beside it once it differs from the saved one. */
function PriceForm({ rate }: { rate: RateRow }) {
  const router = useRouter();
  const [price, setPrice] = React.useState(String(rate.price));
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  const dirty = price !== String(rate.price);
  const save = () =>
    start(async () => {
      const r = await saveRateAction({
        category: rate.category as (typeof CATEGORIES)[number],
        callingCode: rate.callingCode,
        fromVolume: rate.fromVolume,
        price: price as unknown as number,
      });
      if (!r.ok) return setError(r.fieldErrors?.price ?? r.error);
      setError(null);
      toast.success('Rate saved');
      router.refresh();
    });
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        className="flex items-center gap-1"
      >
        <Input
          aria-label={`Price for ${rate.category} +${rate.callingCode} from ${rate.fromVolume}`}
          value={price}
          onChange={(e) => setPrice(e.target.value)}
          className="h-8 w-24 tabular-nums"
          aria-invalid={!!error}
        />
        {dirty ? (
          <Button size="sm" type="submit" disabled={pending}>
            Save
          </Button>
        ) : null}
      </form>
      {error ? <p className="mt-0.5 text-xs text-destructive">{error}</p> : null}
    </>
  );
}

function DeleteRate({ rate }: { rate: RateRow }) {
  const router = useRouter();
  const [pending, start] = React.useTransition();
  const [confirming, setConfirming] = React.useState(false);
  const code = rate.callingCode === '*' ? 'every other country' : `+${rate.callingCode}`;
  return (
    <>
      <Button variant="ghost" size="icon" aria-label="Delete rate" disabled={pending} onClick={() => setConfirming(true)}>
        <Trash2 />
      </Button>
      {/* Deleting a rate changes what every later send costs (the '*' row or nothing takes over):
          confirmed first, as destructive actions are everywhere else. */}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete the ${rate.category} rate for ${code}?`}
        description={`Sends to ${code}${rate.fromVolume ? ` past ${rate.fromVolume.toLocaleString()} a month` : ''} are then priced by the next rate that matches (a lower volume tier, then the * row), or free if none does.`}
        cancelLabel="Keep it"
        confirmLabel="Delete rate"
        pending={pending}
        onConfirm={() =>
          start(async () => {
            const r = await deleteRateAction({ id: rate.id });
            setConfirming(false);
            if (!r.ok) return void toast.error(r.error);
            toast.success('Rate deleted');
            router.refresh();
          })
        }
      />
    </>
  );
}

function AddRate() {
  const router = useRouter();
  const [form, setForm] = React.useState({ category: 'marketing', callingCode: '', fromVolume: '0', price: '' });
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [pending, start] = React.useTransition();
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const label = 'flex flex-col gap-1 text-xs font-medium text-muted-foreground';
  return (
    <form
      className="mb-6 flex flex-wrap items-start gap-3 rounded-lg border bg-card p-4"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await saveRateAction(form as never);
          if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
          setErrors({});
          setForm({ ...form, callingCode: '', price: '' });
          toast.success('Rate saved');
          router.refresh();
        });
      }}
    >
      <label className={label}>
        Category
        <Select value={form.category} onChange={set('category')} className="w-40">
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </label>
      <label className={label}>
        Calling code
        <Input value={form.callingCode} onChange={set('callingCode')} placeholder="44 or *" className="w-28" aria-invalid={!!errors.callingCode} />
        {errors.callingCode ? <span className="max-w-[12rem] text-destructive">{errors.callingCode}</span> : null}
      </label>
      <label className={label}>
        From monthly volume
        <Input value={form.fromVolume} onChange={set('fromVolume')} className="w-32" aria-invalid={!!errors.fromVolume} />
        {errors.fromVolume ? <span className="text-destructive">{errors.fromVolume}</span> : null}
      </label>
      <label className={label}>
        Price (USD)
        <Input value={form.price} onChange={set('price')} placeholder="0.0250" className="w-28" aria-invalid={!!errors.price} />
        {errors.price ? <span className="max-w-[12rem] text-destructive">{errors.price}</span> : null}
      </label>
      <Button type="submit" className="mt-5" disabled={pending}>
        Add or replace rate
      </Button>
    </form>
  );
}
