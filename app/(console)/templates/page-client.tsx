'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { MessageSquareText, Plus, Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/input';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { SORTED_TIME_COLUMN } from '@/components/data-table/common-columns';
import { TemplateStatusBadge } from '@/components/template-designer/template-status-badge';
import { TEMPLATE_LANGUAGES } from '@/lib/templates/languages';
import { TEMPLATE_CATEGORIES } from '@/lib/templates/template-schema';
import { TEMPLATE_STATUSES } from '@/lib/templates/stored-template';

type Row = { id: string; name: string; language: string; category: string; status: string; reason: string | null; channelId: string; updatedAt: string };
type Filters = { status: string; category: string; language: string; name: string };

export function TemplatesListClient({
  templates,
  filters,
  channels,
  canWrite,
}: {
  templates: Row[];
  filters: Filters;
  channels: Record<string, string>;
  canWrite: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [name, setName] = React.useState(filters.name);
  const setFilter = React.useCallback(
    (patch: Partial<Filters>) => {
      const next = { ...filters, ...patch };
      const qs = new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]).toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [filters, pathname, router],
  );
  // The name search follows typing, a moment after the last key.
  React.useEffect(() => {
    if (name === filters.name) return;
    const t = setTimeout(() => setFilter({ name }), 250);
    return () => clearTimeout(t);
  }, [name, filters.name, setFilter]);
  const filtered = Object.values(filters).some(Boolean);
  const columns = React.useMemo(() => templateColumns(channels), [channels]);

  return (
    <>
      <PageHeader
        title="Templates"
        description="WhatsApp message templates: design them, submit them for review, and send them once approved."
        actions={
          canWrite ? (
            <Button asChild>
              <Link href="/templates/new" data-testid="new-template">
                <Plus /> New template
              </Link>
            </Button>
          ) : undefined
        }
      />
      {/* biome-ignore lint/a11y/useSemanticElements: filters that apply as you type; a <search> element is not in React's typings yet */}
      <div className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div className="relative min-w-48 flex-1">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground" aria-hidden />
          <Input
            aria-label="Search by name"
            placeholder="Search by name"
            className="pl-8"
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid="filter-name"
          />
        </div>
        <FilterSelect
          label="Status"
          value={filters.status}
          onChange={(status) => setFilter({ status })}
          options={TEMPLATE_STATUSES.map((s) => [s, s[0] + s.slice(1).toLowerCase()])}
        />
        <FilterSelect
          label="Category"
          value={filters.category}
          onChange={(category) => setFilter({ category })}
          options={TEMPLATE_CATEGORIES.map((c) => [c, c[0] + c.slice(1).toLowerCase()])}
        />
        <FilterSelect
          label="Language"
          value={filters.language}
          onChange={(language) => setFilter({ language })}
          options={Object.entries(TEMPLATE_LANGUAGES).map(([k, v]) => [k, `${v} (${k})`])}
        />
        {filtered && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setName('');
              router.replace(pathname);
            }}
          >
            Clear filters
          </Button>
        )}
      </div>
      <Card>
        <DataTable
          columns={columns}
          data={templates}
          getRowId={(t) => t.id}
          rowHref={(t) => `/templates/${t.id}`}
          rowProps={(t) => ({ 'data-testid': `template-row-${t.name}-${t.language}` })}
          empty={
            <EmptyState icon={<MessageSquareText />} title={filtered ? 'No templates match these filters' : 'No templates yet'}>
              {filtered
                ? 'Change or clear the filters to see more.'
                : canWrite
                  ? 'Create a template to start business-initiated conversations on WhatsApp.'
                  : 'Templates created for this account will appear here.'}
            </EmptyState>
          }
        />
      </Card>
    </>
  );
}

const col = dataTableColumns<Row>();
const titleCase = (s: string) => s[0] + s.slice(1).toLowerCase();

function templateColumns(channels: Record<string, string>) {
  return col.columns([
    col.accessor('name', {
      header: 'Name',
      enableSorting: true,
      // Names are snake_case with nowhere to break: on a phone one pushed every other column out of view.
      meta: { cellClassName: 'min-w-40 font-medium [overflow-wrap:anywhere]' },
      cell: ({ row: { original: t } }) => (
        <Link href={`/templates/${t.id}`} className="hover:underline focus-visible:outline-2 focus-visible:outline-ring">
          {t.name}
        </Link>
      ),
    }),
    col.accessor('category', {
      header: 'Category',
      enableSorting: true,
      meta: { cellClassName: 'text-muted-foreground' },
      cell: ({ getValue }) => titleCase(getValue()),
    }),
    col.accessor('language', { header: 'Language', enableSorting: true, meta: { cellClassName: 'font-mono text-xs' } }),
    col.accessor((t) => channels[t.channelId] ?? t.channelId, {
      id: 'channel',
      header: 'Channel',
      enableSorting: true,
      meta: { className: 'hidden md:table-cell', cellClassName: 'whitespace-nowrap text-muted-foreground' },
    }),
    col.accessor('status', {
      header: 'Status',
      enableSorting: true,
      cell: ({ row: { original: t } }) => (
        <>
          <TemplateStatusBadge status={t.status} />
          {t.reason && <span className="ml-2 text-xs text-muted-foreground">{t.reason}</span>}
        </>
      ),
    }),
    col.accessor('updatedAt', { header: 'Updated', ...SORTED_TIME_COLUMN, meta: { className: 'hidden whitespace-nowrap sm:table-cell' } }),
  ]);
}

function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: [string, string][]; onChange: (v: string) => void }) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div className="w-40 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted-foreground">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </div>
  );
}
