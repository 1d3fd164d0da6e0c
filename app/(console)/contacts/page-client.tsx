'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Download, FileUp, Plus } from 'lucide-react';
import type { ContactView } from '@/lib/contacts/contact-view';
import type { OptOutView } from '@/lib/contacts/opt-out-view';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { PageHeader } from '@/components/ui/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { ContactsFilters } from '@/components/contacts/contacts-filters';
import { ContactsTable } from '@/components/contacts/contacts-table';
import { ContactDialog } from '@/components/contacts/contact-dialog';
import { ImportContactsDialog } from '@/components/contacts/import-contacts-dialog';
import { OptOutsPanel } from '@/components/contacts/opt-outs-panel';
import { addOptOutAction, deleteContactAction, importContactsAction, removeOptOutAction, saveContactAction } from './actions';

type Tab = 'contacts' | 'opt-outs';

export function ContactsClient({
  accountName,
  tab,
  contacts,
  optOuts,
  tags,
  canManage,
  countries,
  filtered,
  error,
  pages,
  exportHref,
}: {
  accountName: string;
  tab: Tab;
  contacts: ContactView[];
  optOuts: OptOutView[];
  tags: { tag: string; contacts: number }[];
  canManage: boolean;
  countries: { id: string; name: string }[];
  filtered: boolean;
  error: string | null;
  pages: { next: string | null; first: string | null };
  exportHref: string;
}) {
  const router = useRouter();
  // undefined: closed; null: a new contact.
  const [editing, setEditing] = React.useState<ContactView | null | undefined>(undefined);
  const [deleting, setDeleting] = React.useState<ContactView | null>(null);
  const [importing, setImporting] = React.useState(false);
  const [pending, start] = React.useTransition();
  const knownTags = React.useMemo(() => tags.map((t) => t.tag), [tags]);
  const onEdit = React.useCallback((c: ContactView) => setEditing(c), []);
  const onDelete = React.useCallback((c: ContactView) => setDeleting(c), []);
  const toolbar = (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <ContactsFilters key={tab} tags={tab === 'contacts' ? tags : undefined} placeholder="Search number or name" />
      <Button asChild variant="outline" size="sm" className="self-start sm:self-auto">
        <a href={exportHref} download>
          <Download /> Export CSV
        </a>
      </Button>
    </div>
  );

  return (
    <>
      <PageHeader
        title="Contacts"
        description={`The people ${accountName} messages: numbers, names, attributes and tags for campaigns, and who opted out of marketing.`}
        actions={
          canManage && tab === 'contacts' ? (
            <>
              <Button variant="outline" onClick={() => setImporting(true)}>
                <FileUp /> Import CSV
              </Button>
              <Button onClick={() => setEditing(null)}>
                <Plus /> Add contact
              </Button>
            </>
          ) : null
        }
      />
      <Tabs value={tab} onValueChange={(v) => router.push(v === 'opt-outs' ? '/contacts?tab=opt-outs' : '/contacts')}>
        <TabsList aria-label="Contacts or opt-outs">
          <TabsTrigger value="contacts">Contacts</TabsTrigger>
          <TabsTrigger value="opt-outs">Opt-outs</TabsTrigger>
        </TabsList>
        {error ? (
          <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-4 py-2 text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <TabsContent value="contacts" className="flex flex-col gap-3">
          {toolbar}
          <Card>
            <ContactsTable contacts={contacts} canManage={canManage} filtered={filtered} onEdit={onEdit} onDelete={onDelete} />
          </Card>
        </TabsContent>
        <TabsContent value="opt-outs">
          <OptOutsPanel optOuts={optOuts} canManage={canManage} filtered={filtered} toolbar={toolbar} onAdd={addOptOutAction} onRemove={removeOptOutAction} />
        </TabsContent>
        {pages.next || pages.first ? (
          <div className="flex items-center justify-end gap-2">
            {pages.first ? (
              <Button asChild variant="ghost" size="sm">
                <Link href={pages.first}>First page</Link>
              </Button>
            ) : null}
            {pages.next ? (
              <Button asChild variant="outline" size="sm">
                <Link href={pages.next}>Next page</Link>
              </Button>
            ) : null}
          </div>
        ) : null}
      </Tabs>
      <ContactDialog
        open={editing !== undefined}
        onOpenChange={(o) => !o && setEditing(undefined)}
        contact={editing ?? null}
        knownTags={knownTags}
        onSave={saveContactAction}
        onSaved={(c, isNew) => {
          toast.success(isNew ? `Added ${c.name ?? c.msisdn}` : `Saved ${c.name ?? c.msisdn}`);
          router.refresh();
        }}
      />
      <ImportContactsDialog
        open={importing}
        onOpenChange={setImporting}
        countries={countries}
        onImport={importContactsAction}
        onImported={() => router.refresh()}
      />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(o) => !o && setDeleting(null)}
        title="Delete this contact?"
        description={`${deleting?.name ?? deleting?.msisdn ?? ''} loses its name, attributes and tags. Messages already sent stay in the logs, and an opt-out stays in force.`}
        cancelLabel="Keep it"
        confirmLabel="Delete contact"
        confirmTestId="confirm-delete-contact"
        pending={pending}
        onConfirm={() => {
          const c = deleting!;
          setDeleting(null);
          start(async () => {
            const r = await deleteContactAction({ msisdn: c.msisdn });
            if (!r.ok) toast.error(r.error);
            else {
              toast.success(`Deleted ${c.name ?? c.msisdn}`);
              router.refresh();
            }
          });
        }}
      />
    </>
  );
}
