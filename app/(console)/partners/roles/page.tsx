import type { Metadata } from 'next';
import { db } from '@/lib/db/client';
import { listRoles } from '@/lib/partners/list-roles';
import { requirePage } from '@/app/_lib/console-context';
import { RolesClient } from './page-client';

export const metadata: Metadata = { title: 'Roles' };

export default async function RolesPage() {
  const { principal } = await requirePage('partners.roles.manage');
  const roles = await listRoles(db, principal.partnerId);
  // What the admin holds bounds what they can put into a role; the editor greys out the rest.
  const held = [...principal.permissions];
  return <RolesClient roles={roles.map(({ updatedAt: _u, ...r }) => r)} held={held} />;
}
