'use client';
import * as React from 'react';
import { CircleAlert, CircleCheck, Download, FileUp } from 'lucide-react';
import type { ImportReport } from '@/lib/contacts/import-contacts-csv';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { ActionResult } from './action-result';

export type ImportContacts = (form: FormData) => Promise<ActionResult<ImportReport>>;

/**
 * Imports a CSV: a phone column (phone, msisdn, mobile…), maybe name and tags, every other column an
 * attribute. Afterwards the dialog shows what was stored and each row left out, with its column and
 * why, downloadable as CSV to fix in the spreadsheet.
 */
export function ImportContactsDialog({
  open,
  onOpenChange,
  countries,
  onImport,
  onImported,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  countries: { id: string; name: string }[];
  onImport: ImportContacts;
  onImported: () => void;
}) {
  const [file, setFile] = React.useState<File | null>(null);
  const [country, setCountry] = React.useState('');
  const [tag, setTag] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [report, setReport] = React.useState<ImportReport | null>(null);
  const [pending, start] = React.useTransition();

  function close(o: boolean) {
    if (!o) {
      setFile(null);
      setErrors({});
      setReport(null);
      setTag('');
    }
    onOpenChange(o);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setErrors({ file: 'Choose a CSV file to import' });
    const form = new FormData();
    form.set('file', file);
    if (country) form.set('defaultCountry', country);
    if (tag.trim()) form.set('tag', tag.trim());
    start(async () => {
      const r = await onImport(form);
      if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
      setReport(r.data);
      if (r.data.imported) onImported();
    });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title={report ? 'Import finished' : 'Import contacts'}
        description={report ? undefined : 'A CSV with a phone column; a name column and a tags column are read too, every other column becomes an attribute.'}
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl"
      >
        {report ? (
          <ImportResult report={report} onDone={() => close(false)} />
        ) : (
          <form onSubmit={submit} className="space-y-4" noValidate>
            <Field
              label="CSV file"
              htmlFor="import-file"
              help="UTF-8, UTF-16 or Windows-1252; comma, semicolon, tab or | separated; up to 100,000 rows."
              error={errors.file}
            >
              <Input
                id="import-file"
                type="file"
                accept=".csv,text/csv,text/plain"
                aria-invalid={!!errors.file}
                className="h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-muted file:px-2 file:py-1 file:text-sm file:font-medium"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setErrors({});
                }}
              />
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Default country" htmlFor="import-country" help="For numbers written without a country code." error={errors.defaultCountry}>
                <Select id="import-country" value={country} onChange={(e) => setCountry(e.target.value)}>
                  <option value="">None: every number has its +code</option>
                  {countries.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Add a tag" htmlFor="import-tag" help="Added to every imported contact (optional)." error={errors.tag}>
                <Input id="import-tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="spring-fair" aria-invalid={!!errors.tag} />
              </Field>
            </div>
            {errors._ && !errors.file && !errors.tag && !errors.defaultCountry ? (
              <p role="alert" className="text-sm text-destructive">
                {errors._}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="ghost" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                <FileUp /> {pending ? 'Importing…' : 'Import'}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function downloadProblems(report: ImportReport) {
  const cell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const lines = ['row,column,reason', ...report.problems.map((p) => [p.row, p.column, p.message].map(cell).join(','))];
  const url = URL.createObjectURL(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: 'import-problems.csv' });
  a.click();
  URL.revokeObjectURL(url);
}

function ImportResult({ report, onDone }: { report: ImportReport; onDone: () => void }) {
  const left = report.problems.length + report.moreProblems;
  return (
    <div className="space-y-4" data-testid="import-report">
      <div className="flex items-start gap-2 text-sm">
        {report.imported ? (
          <CircleCheck className="mt-0.5 size-4 shrink-0 text-green-600" />
        ) : (
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-destructive" />
        )}
        <p data-testid="import-summary">
          {report.imported
            ? `Imported ${report.imported.toLocaleString('en')} contact${report.imported === 1 ? '' : 's'}: ${report.created.toLocaleString('en')} new, ${report.updated.toLocaleString('en')} updated.`
            : 'Nothing was imported.'}{' '}
          {left ? `${left.toLocaleString('en')} row${left === 1 ? ' was' : 's were'} left out:` : 'Every row was read.'}
        </p>
      </div>
      <p className="text-xs text-muted-foreground">
        Read the phone from “{report.columns.phone}”{report.columns.name ? `, the name from “${report.columns.name}”` : ''}
        {report.columns.tags ? `, tags from “${report.columns.tags}”` : ''}
        {report.columns.attributes.length ? `; attributes: ${report.columns.attributes.join(', ')}` : ''}.
      </p>
      {report.problems.length ? (
        <div className="overflow-hidden rounded-[var(--radius)] border">
          <Table containerClassName="max-h-72" aria-label="Rows left out">
            <THead>
              <tr>
                <TH className="w-16">Row</TH>
                <TH className="w-32">Column</TH>
                <TH>Reason</TH>
              </tr>
            </THead>
            <TBody>
              {report.problems.map((p) => (
                <TR key={`${p.row}-${p.column}`} data-testid="import-problem">
                  <TD className="tabular-nums">{p.row}</TD>
                  <TD className="max-w-[8rem] truncate" title={p.column}>
                    {p.column}
                  </TD>
                  <TD className="break-words">{p.message}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      ) : null}
      {report.moreProblems ? <p className="text-xs text-muted-foreground">…and {report.moreProblems.toLocaleString('en')} more rows not listed here.</p> : null}
      <DialogFooter className="flex-wrap">
        {report.problems.length ? (
          <Button variant="outline" onClick={() => downloadProblems(report)}>
            <Download /> Download problems
          </Button>
        ) : null}
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </div>
  );
}
