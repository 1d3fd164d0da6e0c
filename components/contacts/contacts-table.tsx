'use client';
import * as React from 'react';
import { Pencil, Trash2, Users } from 'lucide-react';
import type { ContactView } from '@/lib/contacts/contact-view';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/page-header';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader, SORTED_TIME_COLUMN } from '@/components/data-table/common-columns';

const col = dataTableColumns<ContactView>();

function attributesText(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([k, v]) => `${k}: ${v}`)
    .join(' · ');
}

function columns(canManage: boolean, onEdit: (c: ContactView) => void, onDelete: (c: ContactView) => void) {
  return col.columns([
    col.accessor((c) => c.name ?? c.msisdn, {
      id: 'contact',
      header: 'Contact',
      enableSorting: true,
      meta: { cellClassName: 'max-w-[16rem]' },
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="truncate font-medium" title={row.original.name ?? undefined}>
            {row.original.name ?? <span className="font-normal text-muted-foreground">No name</span>}
          </div>
          <div className="font-mono text-xs text-muted-foreground">{row.original.msisdn}</div>
          {/* On a phone the tag and marketing columns are hidden: the same facts, under the number. */}
          {row.original.tags.length || row.original.optedOut ? (
            <div className="mt-1 flex flex-wrap gap-1 sm:hidden">
              {row.original.optedOut ? <Badge tone="warning">Opted out</Badge> : null}
              {row.original.tags.map((t) => (
                <Badge key={t} tone="info" className="max-w-[10rem] truncate">
                  {t}
                </Badge>
              ))}
            </div>
          ) : null}
        </div>
      ),
    }),
    col.accessor('tags', {
      header: 'Tags',
      meta: { className: 'hidden sm:table-cell', cellClassName: 'max-w-[14rem]' },
      cell: ({ getValue }) =>
        getValue().length ? (
          <div className="flex flex-wrap gap-1">
            {getValue().map((t) => (
              <Badge key={t} tone="info" className="max-w-[10rem] truncate">
                {t}
              </Badge>
            ))}
          </div>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    }),
    col.accessor((c) => attributesText(c.attributes), {
      id: 'attributes',
      header: 'Attributes',
      meta: { className: 'hidden lg:table-cell', cellClassName: 'max-w-[18rem] truncate text-xs text-muted-foreground' },
      cell: ({ getValue }) => <span title={getValue()}>{getValue() || '—'}</span>,
    }),
    col.accessor('optedOut', {
      header: 'Marketing',
      meta: { className: 'hidden sm:table-cell', cellClassName: 'whitespace-nowrap' },
      cell: ({ getValue }) => (getValue() ? <Badge tone="warning">Opted out</Badge> : <span className="text-muted-foreground">—</span>),
    }),
    col.accessor('updatedAt', { header: 'Updated', ...SORTED_TIME_COLUMN, meta: { className: 'hidden md:table-cell', cellClassName: 'whitespace-nowrap' } }),
    ...(canManage
      ? [
          col.display({
            id: 'actions',
            header: actionsHeader,
            meta: { className: 'text-right', cellClassName: 'whitespace-nowrap' },
            cell: ({ row }) => (
              <div className="flex justify-end gap-1">
                <Button variant="ghost" size="sm" onClick={() => onEdit(row.original)} aria-label={`Edit ${row.original.name ?? row.original.msisdn}`}>
                  <Pencil /> <span className="hidden sm:inline">Edit</span>
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  className="text-destructive"
                  onClick={() => onDelete(row.original)}
                  aria-label={`Delete ${row.original.name ?? row.original.msisdn}`}
                >
                  <Trash2 />
                </Button>
              </div>
            ),
          }),
        ]
      : []),
  ]);
}

export function ContactsTable({
  contacts,
  canManage,
  filtered,
  onEdit,
  onDelete,
}: {
  contacts: ContactView[];
  canManage: boolean;
  filtered: boolean;
  onEdit: (c: ContactView) => void;
  onDelete: (c: ContactView) => void;
}) {
  const cols = React.useMemo(() => columns(canManage, onEdit, onDelete), [canManage, onEdit, onDelete]);
  return (
    <DataTable
      columns={cols}
      data={contacts}
      getRowId={(c) => c.msisdn}
      aria-label="Contacts"
      rowProps={(c) => ({ 'data-testid': 'contact-row', 'data-msisdn': c.msisdn })}
      empty={
        <EmptyState icon={<Users />} title={filtered ? 'No contacts match' : 'No contacts yet'}>
          {filtered
            ? 'Try another search or tag, or clear the filters.'
            : 'Customers who message you appear here on their own. Add one by hand, or import a CSV with a phone column.'}
        </EmptyState>
      }
    />
  );
}
