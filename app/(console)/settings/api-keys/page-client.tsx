'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import Link from 'next/link';
import { BookOpen, Check, Copy, KeyRound, Plus } from 'lucide-react';
import { createApiKeyAction, revokeApiKeyAction } from './actions';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader } from '@/components/data-table/common-columns';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/format/relative-time';
import { ALL_PERMISSIONS, summarizePermissions, type Permission } from '@/lib/auth/permissions';
import { ScopeChecklist } from './scope-checklist';

type Key = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdBy: string | null;
  scopes: Permission[] | null;
};

/** What a key may do, as short badges; keys from before scopes existed have full access. */
function KeyScopes({ scopes }: { scopes: Permission[] | null }) {
  if (!scopes) return <Badge tone="warning">Full access</Badge>;
  const parts = summarizePermissions(scopes);
  const shown = parts.slice(0, 3);
  return (
    <ul aria-label="Scopes" className="flex max-w-sm flex-wrap gap-1" title={parts.join(', ')}>
      {shown.map((s) => (
        <li key={s}>
          <Badge tone="info">{s}</Badge>
        </li>
      ))}
      {parts.length > shown.length ? (
        <li>
          <Badge>+{parts.length - shown.length} more</Badge>
        </li>
      ) : null}
    </ul>
  );
}

const col = dataTableColumns<Key>();

function keyColumns(onRevoke: (k: Key) => void) {
  return col.columns([
    col.accessor('name', { header: 'Name', enableSorting: true, meta: { cellClassName: 'font-medium' } }),
    col.accessor('prefix', { header: 'Key', meta: { cellClassName: 'font-mono text-xs text-muted-foreground' }, cell: ({ getValue }) => `${getValue()}…` }),
    col.display({ id: 'scopes', header: 'Scopes', cell: ({ row }) => <KeyScopes scopes={row.original.scopes} /> }),
    col.accessor('createdAt', {
      header: 'Created',
      enableSorting: true,
      sortDescFirst: true,
      cell: ({ row: { original: k } }) => (
        <>
          <RelativeTime iso={k.createdAt} />
          {k.createdBy ? <span className="block text-xs text-muted-foreground">{k.createdBy}</span> : null}
        </>
      ),
    }),
    // Never-used keys last whichever way the column is sorted.
    col.accessor((k) => k.lastUsedAt ?? undefined, {
      id: 'lastUsed',
      header: 'Last used',
      enableSorting: true,
      sortDescFirst: true,
      sortUndefined: 'last',
      cell: ({ getValue }) => <RelativeTime iso={getValue() ?? null} />,
    }),
    col.accessor((k) => (k.revokedAt ? 'Revoked' : 'Active'), {
      id: 'status',
      header: 'Status',
      enableSorting: true,
      cell: ({ getValue }) => (getValue() === 'Revoked' ? <Badge tone="danger">Revoked</Badge> : <Badge tone="success">Active</Badge>),
    }),
    col.display({
      id: 'actions',
      header: actionsHeader,
      meta: { className: 'text-right' },
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? null : (
          <Button variant="ghost" size="sm" className="text-destructive" onClick={() => onRevoke(k)}>
            Revoke
          </Button>
        ),
    }),
  ]);
}

export function ApiKeysClient({ keys, accountId, description, held }: { keys: Key[]; accountId: string; description: string; held: Permission[] }) {
  const [creating, setCreating] = React.useState(false);
  const [revoking, setRevoking] = React.useState<Key | null>(null);
  const columns = React.useMemo(() => keyColumns(setRevoking), []);
  return (
    <>
      <PageHeader
        title="API keys"
        description={description}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href="/settings/api-reference">
                <BookOpen /> API reference
              </Link>
            </Button>
            <Button onClick={() => setCreating(true)}>
              <Plus /> Create API key
            </Button>
          </>
        }
      />
      <Card>
        <DataTable
          columns={columns}
          data={keys}
          getRowId={(k) => k.id}
          rowProps={(k) => ({ 'data-testid': `api-key-${k.name}` })}
          empty={
            <EmptyState icon={<KeyRound />} title="No API keys yet">
              Create a key to call the REST API for this account.
            </EmptyState>
          }
        />
      </Card>
      <CreateKeyDialog open={creating} onOpenChange={setCreating} accountId={accountId} held={held} />
      <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function CreateKeyDialog({
  open,
  onOpenChange,
  accountId,
  held,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  accountId: string;
  held: Permission[];
}) {
  const router = useRouter();
  const heldSet = React.useMemo(() => new Set(held), [held]);
  const [name, setName] = React.useState('');
  // By default a key gets everything its maker holds; narrowing it is one click per module.
  const [scopes, setScopes] = React.useState<Permission[]>(held);
  const [errors, setErrors] = React.useState<{ name?: string; scopes?: string; _?: string }>({});
  const [secret, setSecret] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  const [copied, setCopied] = React.useState(false);

  function close(o: boolean) {
    if (!o) {
      setName('');
      setScopes(held);
      setErrors({});
      setSecret(null);
      setCopied(false);
    }
    onOpenChange(o);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await createApiKeyAction({ name, scopes: ALL_PERMISSIONS.filter((k) => scopes.includes(k)) });
      if (!res.ok) return setErrors(res.fieldErrors ? { name: res.fieldErrors.name, scopes: res.fieldErrors.scopes } : { _: res.error });
      setSecret(res.data.secret);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title={secret ? 'Copy your API key' : 'Create API key'}
        description={secret ? 'This is the only time the key is shown. Store it somewhere safe.' : `The key can call the API for ${accountId}.`}
      >
        {secret ? (
          <div className="space-y-4">
            <div className="flex items-center gap-2 rounded-md border bg-muted px-3 py-2">
              <code data-testid="new-api-key" className="min-w-0 flex-1 break-all font-mono text-sm">
                {secret}
              </code>
              <Button
                variant="ghost"
                size="icon"
                aria-label="Copy key"
                onClick={async () => {
                  await navigator.clipboard?.writeText(secret).catch(() => {});
                  setCopied(true);
                  toast.success('API key copied');
                }}
              >
                {copied ? <Check /> : <Copy />}
              </Button>
            </div>
            <p className="text-xs text-muted-foreground">
              Use it as <code className="font-mono">Authorization: Bearer {secret.slice(0, 10)}…</code>
            </p>
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} noValidate>
            <div className="space-y-4">
              <Field label="Name" htmlFor="key-name" help="Say where the key is used, e.g. “CRM integration”." error={errors.name}>
                <Input id="key-name" value={name} onChange={(e) => setName(e.target.value)} autoFocus aria-invalid={!!errors.name} maxLength={100} />
              </Field>
              <Field
                label={`Scopes (${scopes.length} selected)`}
                help="What calls made with this key may do. Greyed-out permissions are ones you do not hold, so a key of yours cannot have them."
                error={errors.scopes}
              >
                <ScopeChecklist value={scopes} onChange={setScopes} held={heldSet} invalid={!!errors.scopes} />
              </Field>
              {errors._ ? (
                <p role="alert" className="text-sm text-destructive">
                  {errors._}
                </p>
              ) : null}
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function RevokeKeyDialog({ apiKey, onClose }: { apiKey: Key | null; onClose: () => void }) {
  const router = useRouter();
  const [pending, start] = React.useTransition();
  return (
    <ConfirmDialog
      open={!!apiKey}
      onOpenChange={(o) => !o && onClose()}
      title="Revoke API key?"
      description={apiKey ? `Calls made with “${apiKey.name}” will be refused from now on. This cannot be undone.` : undefined}
      confirmLabel="Revoke key"
      pending={pending}
      onConfirm={() =>
        start(async () => {
          const res = await revokeApiKeyAction({ id: apiKey!.id });
          if (!res.ok) toast.error(res.error);
          else toast.success(`Revoked “${apiKey!.name}”`);
          onClose();
          router.refresh();
        })
      }
    />
  );
}
