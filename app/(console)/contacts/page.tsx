import type { Metadata } from 'next';
import { getAllCountries } from 'countries-and-timezones';
import { db } from '@/lib/db/client';
import { can } from '@/lib/auth/principal';
import { ValidationError } from '@/lib/errors';
import { listContacts, type ContactsPage as ContactsPageData } from '@/lib/contacts/list-contacts';
import { listOptOuts, type OptOutsPage } from '@/lib/contacts/list-opt-outs';
import { listContactTags } from '@/lib/contacts/list-contact-tags';
import { requireAccountPage } from '@/app/_lib/console-context';
import { ContactsClient } from './page-client';

export const metadata: Metadata = { title: 'Contacts' };

const COUNTRIES = Object.values(getAllCountries())
  .map((c) => ({ id: c.id, name: c.name }))
  .sort((a, b) => a.name.localeCompare(b.name));

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account, principal } = await requireAccountPage('contacts.view');
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === 'string' ? (sp[k] as string).trim() : '') || undefined;
  const tab = one('tab') === 'opt-outs' ? 'opt-outs' : 'contacts';
  const query: Record<string, string> = {};
  for (const k of tab === 'contacts' ? ['tag', 'search', 'cursor'] : ['search', 'cursor']) {
    const v = one(k);
    if (v) query[k] = v;
  }
  let contacts: ContactsPageData = { data: [], nextCursor: null };
  let optOuts: OptOutsPage = { data: [], nextCursor: null };
  let error: string | null = null;
  try {
    if (tab === 'contacts') contacts = await listContacts(db, account.id, query);
    else optOuts = await listOptOuts(db, account.id, query);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    error = err.issues.map((i) => i.message).join('; ') || err.message;
  }
  const { cursor, ...filters } = query;
  const base = tab === 'opt-outs' ? { tab, ...filters } : filters;
  const href = (extra: Record<string, string> = {}) => {
    const qs = new URLSearchParams({ ...base, ...extra }).toString();
    return qs ? `/contacts?${qs}` : '/contacts';
  };
  const nextCursor = tab === 'contacts' ? contacts.nextCursor : optOuts.nextCursor;
  return (
    <ContactsClient
      accountName={account.name}
      tab={tab}
      contacts={contacts.data}
      optOuts={optOuts.data}
      tags={await listContactTags(db, account.id)}
      canManage={can(principal, 'contacts.manage')}
      countries={COUNTRIES}
      filtered={Object.keys(filters).length > 0}
      error={error}
      pages={{ next: nextCursor ? href({ cursor: nextCursor }) : null, first: cursor ? href() : null }}
      exportHref={`/contacts/export?${new URLSearchParams({ kind: tab, ...filters })}`}
    />
  );
}
