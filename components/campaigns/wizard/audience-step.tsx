'use client';
import * as React from 'react';
import { AlertCircle, CheckCircle2, FileSpreadsheet, RefreshCw, Tags, Upload } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { formatBytes, formatCount } from '@/components/campaigns/format';
import { ProgressBar } from '@/components/campaigns/progress-bar';
import { MAX_AUDIENCE_ROWS, type CsvPreview } from '@/components/campaigns/wizard/use-csv-preview';
import type { UploadState } from '@/components/campaigns/wizard/use-file-upload';
import { cn } from '@/lib/utils';

export type AudienceKind = 'file' | 'tag';
export type ContactTagOption = { tag: string; count: number };

const DELIMITERS: Record<string, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab', '|': 'Pipe' };
const ENCODINGS: Record<string, string> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (LE)', 'utf-16be': 'UTF-16 (BE)', 'windows-1252': 'Windows-1252' };

export function AudienceStep({
  name,
  onName,
  nameError,
  kind,
  onKind,
  preview,
  upload,
  onFile,
  onClearFile,
  tags,
  tag,
  onTag,
  draftAudience,
  tagAudience,
}: {
  name: string;
  onName: (v: string) => void;
  nameError: string | null;
  kind: AudienceKind;
  onKind: (k: AudienceKind) => void;
  preview: CsvPreview;
  upload: UploadState;
  onFile: (f: File) => void;
  onClearFile: () => void;
  /** The account's contact tags; null when contacts are not available (the option is hidden). */
  tags: ContactTagOption[] | null;
  tag: string;
  onTag: (t: string) => void;
  /** A draft being mapped again keeps its stored audience: described, not chosen again. */
  draftAudience: { rows: number; columns: string[]; label: string } | null;
  /** The chosen tag's fields and first contacts. */
  tagAudience: { columns: string[]; sample: string[][]; count: number } | null;
}) {
  return (
    <div className="space-y-5">
      <Card>
        <CardContent className="pt-5">
          <Field label="Campaign name" htmlFor="campaign-name" help="For you and your team; recipients never see it." error={nameError}>
            <Input
              id="campaign-name"
              value={name}
              onChange={(e) => onName(e.target.value)}
              placeholder="e.g. December sale — VIP customers"
              maxLength={120}
              aria-invalid={!!nameError}
            />
          </Field>
        </CardContent>
      </Card>

      {draftAudience ? (
        <Card>
          <CardHeader>
            <CardTitle>Audience</CardTitle>
            <CardDescription>This draft keeps the audience it was created with.</CardDescription>
          </CardHeader>
          <CardContent className="flex items-center gap-3">
            <FileSpreadsheet className="size-8 shrink-0 text-primary" aria-hidden />
            <div className="min-w-0">
              <p className="truncate text-sm font-medium">{draftAudience.label}</p>
              <p className="text-xs text-muted-foreground">
                {formatCount(draftAudience.rows)} rows · {draftAudience.columns.length} columns: {draftAudience.columns.join(', ')}
              </p>
            </div>
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Who gets it</CardTitle>
            <CardDescription>Upload a CSV with one recipient per row{tags ? ', or send to the contacts that carry a tag' : ''}.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            {tags ? (
              <div role="radiogroup" aria-label="Audience" className="grid gap-2 sm:grid-cols-2">
                <KindOption active={kind === 'file'} onClick={() => onKind('file')} icon={<Upload />} title="Upload a CSV" text="Up to 1,000,000 rows" />
                <KindOption
                  active={kind === 'tag'}
                  onClick={() => onKind('tag')}
                  icon={<Tags />}
                  title="Contacts by tag"
                  text="Everyone tagged, from Contacts"
                />
              </div>
            ) : null}
            {kind === 'tag' && tags ? (
              <TagPicker tags={tags} tag={tag} onTag={onTag} count={tag ? (tagAudience?.count ?? null) : null} />
            ) : preview.status === 'idle' ? (
              <DropZone onFile={onFile} />
            ) : (
              <FileStatus preview={preview} upload={upload} onClear={onClearFile} onFile={onFile} />
            )}
          </CardContent>
        </Card>
      )}
      {kind === 'file' && preview.columns.length > 0 && preview.status !== 'error' ? (
        <ColumnsTable columns={preview.columns} sample={preview.sample} done={preview.status === 'done'} />
      ) : null}
      {kind === 'tag' && tagAudience?.count ? <ColumnsTable columns={tagAudience.columns} sample={tagAudience.sample} done /> : null}
    </div>
  );
}

function KindOption({ active, onClick, icon, title, text }: { active: boolean; onClick: () => void; icon: React.ReactNode; title: string; text: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a choice between two cards (WAI-ARIA's radio pattern on buttons)
    <button
      type="button"
      role="radio"
      aria-checked={active}
      onClick={onClick}
      className={cn(
        'flex items-center gap-3 rounded-[var(--radius)] border p-3 text-left transition-colors focus-visible:outline-2 focus-visible:outline-ring [&_svg]:size-5 [&_svg]:shrink-0',
        active ? 'border-primary bg-accent text-accent-foreground' : 'hover:bg-muted',
      )}
    >
      {icon}
      <span>
        <span className="block text-sm font-medium">{title}</span>
        <span className="block text-xs text-muted-foreground">{text}</span>
      </span>
    </button>
  );
}

function DropZone({ onFile }: { onFile: (f: File) => void }) {
  const [over, setOver] = React.useState(false);
  return (
    <label
      htmlFor="audience-file"
      data-testid="audience-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f) onFile(f);
      }}
      className={cn(
        'flex cursor-pointer flex-col items-center justify-center gap-2 rounded-[var(--radius)] border-2 border-dashed px-6 py-10 text-center transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
        over ? 'border-primary bg-accent' : 'hover:border-primary/60 hover:bg-muted/50',
      )}
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-accent text-accent-foreground">
        <Upload className="size-5" aria-hidden />
      </span>
      <span className="text-sm font-medium">
        Drag a CSV here, or <span className="text-primary underline underline-offset-4">choose a file</span>
      </span>
      <span className="max-w-md text-xs text-muted-foreground">
        The first row names the columns; one of them holds the phone numbers. Up to {formatCount(MAX_AUDIENCE_ROWS)} rows · UTF-8, UTF-16 or Windows-1252 ·
        separated by commas, semicolons, tabs or pipes.
      </span>
      <input
        id="audience-file"
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
        className="sr-only"
        aria-label="Choose a CSV file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </label>
  );
}

function FileStatus({ preview, upload, onClear, onFile }: { preview: CsvPreview; upload: UploadState; onClear: () => void; onFile: (f: File) => void }) {
  const input = React.useRef<HTMLInputElement>(null);
  const error = preview.error ?? upload.error;
  return (
    <div className="space-y-4" data-testid="audience-file-status">
      <div className="flex flex-wrap items-center gap-3">
        <FileSpreadsheet className="size-8 shrink-0 text-primary" aria-hidden />
        <div className="min-w-[12rem] flex-1 basis-48">
          <p className="truncate text-sm font-medium" title={preview.fileName}>
            {preview.fileName}
          </p>
          <p className="text-xs text-muted-foreground">{formatBytes(preview.size)}</p>
        </div>
        <Button type="button" variant="outline" size="sm" onClick={() => input.current?.click()}>
          <RefreshCw /> Choose another file
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onClear}>
          Remove
        </Button>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) onFile(f);
            e.target.value = '';
          }}
        />
      </div>
      {error ? (
        <p role="alert" className="flex items-start gap-2 rounded-[var(--radius)] border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive">
          <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden /> {error}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <ProgressBar
          label="Reading rows"
          testId="parse-progress"
          value={preview.bytesRead}
          max={preview.size || 1}
          done={preview.status === 'done'}
          failed={preview.status === 'error'}
          detail={
            preview.status === 'done' ? (
              <span data-testid="audience-rows">{formatCount(preview.rows)} recipients</span>
            ) : (
              `${formatCount(preview.rows)} rows so far`
            )
          }
        />
        <ProgressBar
          label="Uploading"
          testId="upload-progress"
          value={upload.loaded}
          max={upload.total || preview.size || 1}
          done={upload.status === 'done'}
          failed={upload.status === 'error'}
          detail={upload.status === 'done' ? 'Stored' : `${formatBytes(upload.loaded)} of ${formatBytes(upload.total || preview.size)}`}
        />
      </div>
      {preview.encoding ? (
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-muted-foreground">
          <div className="flex gap-1">
            <dt>Encoding</dt>
            <dd className="font-medium text-foreground" data-testid="audience-encoding">
              {ENCODINGS[preview.encoding.toLowerCase()] ?? preview.encoding}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Separator</dt>
            <dd className="font-medium text-foreground" data-testid="audience-delimiter">
              {DELIMITERS[preview.delimiter] ?? preview.delimiter}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Columns</dt>
            <dd className="font-medium text-foreground">{preview.columns.length}</dd>
          </div>
        </dl>
      ) : null}
    </div>
  );
}

function TagPicker({ tags, tag, onTag, count }: { tags: ContactTagOption[]; tag: string; onTag: (t: string) => void; count: number | null }) {
  if (!tags.length)
    return <p className="text-sm text-muted-foreground">No contact carries a tag yet. Tag contacts on the Contacts page, or upload a CSV instead.</p>;
  return (
    <Field
      label="Tag"
      htmlFor="audience-tag"
      help={
        count !== null
          ? `${formatCount(count)} contacts carry this tag. Opted-out contacts are counted and skipped for marketing templates.`
          : 'Opted-out contacts are counted and skipped for marketing templates.'
      }
    >
      <Select id="audience-tag" value={tag} onChange={(e) => onTag(e.target.value)} className="sm:w-80">
        <option value="">Choose a tag…</option>
        {tags.map((t) => (
          <option key={t.tag} value={t.tag}>
            {t.tag} ({formatCount(t.count)})
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The header row with sample values under each column: what the mapping step will offer. */
function ColumnsTable({ columns, sample, done }: { columns: string[]; sample: string[][]; done: boolean }) {
  return (
    <Card>
      <CardHeader className="flex-row items-center justify-between">
        <div>
          <CardTitle>Columns</CardTitle>
          <CardDescription>The header row and the first rows under it.</CardDescription>
        </div>
        {done ? <CheckCircle2 className="size-5 text-green-600 dark:text-green-400" aria-label="Read to the end" /> : null}
      </CardHeader>
      <div className="max-h-80 overflow-auto">
        <table className="w-full text-sm" data-testid="audience-columns">
          <thead className="sticky top-0 bg-[color-mix(in_oklab,var(--muted)_60%,var(--card))] text-left text-xs uppercase tracking-wide text-muted-foreground">
            <tr>
              <th className="h-9 w-1/3 px-5 font-medium">Column</th>
              <th className="h-9 px-5 font-medium">Sample values</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional (two may share a name) and never reorder
              <tr key={`${c}-${i}`} className="border-t">
                <td className="px-5 py-2 font-medium [overflow-wrap:anywhere]">{c || <span className="text-muted-foreground italic">(no name)</span>}</td>
                <td className="px-5 py-2">
                  <div className="flex flex-wrap gap-1">
                    {sample.slice(0, 3).map((r, k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the first rows, in file order
                      <span key={k} className="max-w-56 truncate rounded bg-muted px-1.5 py-0.5 font-mono text-xs" title={r[i] ?? ''}>
                        {r[i]?.trim() ? r[i] : <span className="text-muted-foreground italic">empty</span>}
                      </span>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
