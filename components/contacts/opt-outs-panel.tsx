'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { BellOff, Plus, Undo2 } from 'lucide-react';
import type { OptOutView } from '@/lib/contacts/opt-out-view';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/page-header';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader, SORTED_TIME_COLUMN } from '@/components/data-table/common-columns';
import type { ActionResult } from './action-result';
import { validateMsisdn } from './contact-form';

const SOURCE: Record<string, string> = { keyword: 'Keyword', manual: 'By hand', api: 'API', import: 'Import' };

const col = dataTableColumns<OptOutView>();

function columns(canManage: boolean, onRemove: (o: OptOutView) => void) {
  return col.columns([
    col.accessor('msisdn', {
      header: 'Number',
      enableSorting: true,
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="font-mono text-sm">{row.original.msisdn}</div>
          {row.original.name ? <div className="max-w-[14rem] truncate text-xs text-muted-foreground">{row.original.name}</div> : null}
        </div>
      ),
    }),
    col.accessor('source', {
      header: 'Source',
      enableSorting: true,
      meta: { cellClassName: 'whitespace-nowrap' },
      cell: ({ getValue }) => <Badge tone={getValue() === 'keyword' ? 'warning' : 'neutral'}>{SOURCE[getValue()] ?? getValue()}</Badge>,
    }),
    col.accessor('optedOutAt', { header: 'Opted out', ...SORTED_TIME_COLUMN, meta: { className: 'hidden sm:table-cell', cellClassName: 'whitespace-nowrap' } }),
    ...(canManage
      ? [
          col.display({
            id: 'actions',
            header: actionsHeader,
            meta: { className: 'text-right', cellClassName: 'whitespace-nowrap' },
            cell: ({ row }) => (
              <Button variant="ghost" size="sm" onClick={() => onRemove(row.original)} aria-label={`Remove the opt-out of ${row.original.msisdn}`}>
                <Undo2 /> <span className="hidden sm:inline">Remove</span>
              </Button>
            ),
          }),
        ]
      : []),
  ]);
}

/**
 * The numbers that asked for no marketing (STOP keywords, by hand, the API): add one, remove one
 * (asked first: marketing reaches the number again), export all.
 */
export function OptOutsPanel({
  optOuts,
  canManage,
  filtered,
  toolbar,
  onAdd,
  onRemove,
}: {
  optOuts: OptOutView[];
  canManage: boolean;
  filtered: boolean;
  /** Search and export, above the list. */
  toolbar: React.ReactNode;
  onAdd: (input: { msisdn: string }) => Promise<ActionResult<OptOutView & { created: boolean }>>;
  onRemove: (input: { msisdn: string }) => Promise<ActionResult<{ msisdn: string }>>;
}) {
  const router = useRouter();
  const [number, setNumber] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [removing, setRemoving] = React.useState<OptOutView | null>(null);
  const [pending, start] = React.useTransition();
  const cols = React.useMemo(() => columns(canManage, setRemoving), [canManage]);

  function add(e: React.FormEvent) {
    e.preventDefault();
    const problem = validateMsisdn(number);
    setError(problem);
    if (problem) return;
    start(async () => {
      const r = await onAdd({ msisdn: number });
      if (!r.ok) return setError(r.fieldErrors?.msisdn ?? r.error);
      toast.success(r.data.created ? `${r.data.msisdn} opted out of marketing` : `${r.data.msisdn} had already opted out`);
      setNumber('');
      router.refresh();
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {canManage ? (
        <Card className="px-4 py-3">
          <form onSubmit={add} className="flex flex-col gap-1.5" noValidate aria-label="Opt a number out">
            <label htmlFor="opt-out-number" className="text-sm font-medium">
              Opt a number out by hand
            </label>
            <div className="flex flex-col gap-2 sm:flex-row">
              <Input
                id="opt-out-number"
                inputMode="tel"
                value={number}
                onChange={(e) => {
                  setNumber(e.target.value);
                  if (error) setError(null);
                }}
                onBlur={() => number && setError(validateMsisdn(number))}
                placeholder="+6591234567"
                aria-invalid={!!error}
                aria-describedby={error ? 'opt-out-number-error' : 'opt-out-number-help'}
                className="sm:w-64"
              />
              <Button type="submit" variant="outline" disabled={pending} className="sm:self-start">
                <Plus /> Opt out
              </Button>
            </div>
            {error ? (
              <p id="opt-out-number-error" role="alert" className="text-xs font-medium text-destructive">
                {error}
              </p>
            ) : (
              <p id="opt-out-number-help" className="text-xs text-muted-foreground">
                Marketing templates to it are refused (131050); utility and authentication messages still go.
              </p>
            )}
          </form>
        </Card>
      ) : null}
      {toolbar}
      <Card>
        <DataTable
          columns={cols}
          data={optOuts}
          getRowId={(o) => o.msisdn}
          aria-label="Opt-outs"
          rowProps={(o) => ({ 'data-testid': 'opt-out-row', 'data-msisdn': o.msisdn })}
          empty={
            <EmptyState icon={<BellOff />} title={filtered ? 'No opt-outs match' : 'Nobody has opted out'}>
              {filtered ? 'Try another number.' : 'A customer who sends STOP, UNSUBSCRIBE or QUIT appears here; START opts them back in.'}
            </EmptyState>
          }
        />
      </Card>
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(o) => !o && setRemoving(null)}
        title="Remove this opt-out?"
        description={`Marketing messages will reach ${removing?.msisdn ?? ''} again. Do this only when the customer asked to be opted back in.`}
        cancelLabel="Keep it"
        confirmLabel="Remove opt-out"
        confirmTestId="confirm-remove-opt-out"
        pending={pending}
        onConfirm={() => {
          const msisdn = removing!.msisdn;
          setRemoving(null);
          start(async () => {
            const r = await onRemove({ msisdn });
            if (!r.ok) toast.error(r.error);
            else {
              toast.success(`${msisdn} may receive marketing again`);
              router.refresh();
            }
          });
        }}
      />
    </div>
  );
}
