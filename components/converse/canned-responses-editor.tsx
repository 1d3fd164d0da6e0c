'use client';
import * as React from 'react';
import { toast } from 'sonner';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { EmptyState } from '@/components/ui/page-header';
import type { CannedResponse, Result } from '@/components/converse/types';

export type CannedActions = {
  create: (input: { shortcut: string; text: string }) => Promise<Result<CannedResponse>>;
  update: (input: { id: string; shortcut: string; text: string }) => Promise<Result<CannedResponse>>;
  remove: (input: { id: string }) => Promise<Result<{ id: string }>>;
};

type Editing = { id: string | null; shortcut: string; text: string };

/** The account's quick replies: agents type "/" and the shortcut in the reply box to insert one. */
export function CannedResponsesEditor({ initial, actions }: { initial: CannedResponse[]; actions: CannedActions }) {
  const [list, setList] = React.useState(initial);
  const [editing, setEditing] = React.useState<Editing | null>(null);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [doomed, setDoomed] = React.useState<CannedResponse | null>(null);
  const [pending, setPending] = React.useState(false);
  const sorted = [...list].sort((a, b) => a.shortcut.localeCompare(b.shortcut));

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!editing) return;
    setPending(true);
    const r = editing.id ? await actions.update({ id: editing.id, shortcut: editing.shortcut, text: editing.text }) : await actions.create(editing);
    setPending(false);
    if (!r.ok) return setErrors(r.fieldErrors ?? { _: r.error });
    setList([...list.filter((c) => c.id !== r.data.id), r.data]);
    setEditing(null);
    setErrors({});
    toast.success(`Quick reply /${r.data.shortcut} saved`);
  }

  async function remove() {
    if (!doomed) return;
    setPending(true);
    const r = await actions.remove({ id: doomed.id });
    setPending(false);
    if (!r.ok) return void toast.error(r.error);
    setList(list.filter((c) => c.id !== doomed.id));
    toast.success(`Quick reply /${doomed.shortcut} deleted`);
    setDoomed(null);
  }

  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="space-y-1">
          <CardTitle>Quick replies</CardTitle>
          <CardDescription>Answers agents insert by typing “/” and a shortcut in the reply box.</CardDescription>
        </div>
        {editing ? null : (
          <Button size="sm" variant="outline" onClick={() => setEditing({ id: null, shortcut: '', text: '' })}>
            <Plus /> Add quick reply
          </Button>
        )}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {editing ? (
          <form onSubmit={save} className="flex flex-col gap-3 rounded-[var(--radius)] border p-4">
            <Field label="Shortcut" htmlFor="canned-shortcut" help="Letters, digits, - or _ ; agents type it after “/”." error={errors.shortcut}>
              <Input
                id="canned-shortcut"
                value={editing.shortcut}
                placeholder="hours"
                aria-invalid={!!errors.shortcut}
                onChange={(e) => setEditing({ ...editing, shortcut: e.target.value })}
                className="max-w-xs font-mono"
              />
            </Field>
            <Field label="Reply" htmlFor="canned-text" error={errors.text}>
              <Textarea id="canned-text" value={editing.text} aria-invalid={!!errors.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
            </Field>
            {errors._ ? (
              <p role="alert" className="text-sm text-destructive">
                {errors._}
              </p>
            ) : null}
            <div className="flex justify-end gap-2">
              <Button
                type="button"
                variant="outline"
                onClick={() => {
                  setEditing(null);
                  setErrors({});
                }}
              >
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                Save quick reply
              </Button>
            </div>
          </form>
        ) : null}
        {sorted.length === 0 && !editing ? (
          <EmptyState title="No quick replies yet">Add the answers your agents give most, such as opening hours or the returns policy.</EmptyState>
        ) : (
          <ul className="divide-y rounded-[var(--radius)] border">
            {sorted.map((c) => (
              <li key={c.id} className="flex items-start gap-3 px-3 py-2.5 text-sm">
                <span className="w-28 shrink-0 truncate font-mono font-semibold">/{c.shortcut}</span>
                <span className="min-w-0 flex-1 whitespace-pre-line text-muted-foreground [overflow-wrap:anywhere]">{c.text}</span>
                <Button
                  size="icon"
                  variant="ghost"
                  aria-label={`Edit /${c.shortcut}`}
                  onClick={() => setEditing({ id: c.id, shortcut: c.shortcut, text: c.text })}
                >
                  <Pencil />
                </Button>
                <Button size="icon" variant="ghost" aria-label={`Delete /${c.shortcut}`} onClick={() => setDoomed(c)}>
                  <Trash2 />
                </Button>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <ConfirmDialog
        open={!!doomed}
        onOpenChange={(o) => !o && setDoomed(null)}
        title={`Delete /${doomed?.shortcut ?? ''}?`}
        description="Agents can no longer insert it. Replies already sent stay as they were."
        confirmLabel="Delete quick reply"
        pending={pending}
        onConfirm={() => void remove()}
      />
    </Card>
  );
}
