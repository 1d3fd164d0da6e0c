'use client';
import * as React from 'react';
import Link from 'next/link';
import { Plus, Users } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/format/relative-time';
import { CreateUserDialog } from './create-user-dialog';
import type { RoleOption } from './role-options';
import type { GrantableAccounts } from './account-picker';
import { UserFilters } from './user-filters';
import { StatusBadge } from './status-badge';

type Option = { id: string; name: string };
export type UserListRow = {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'invited' | 'deactivated';
  roleName: string | null;
  allAccounts: boolean;
  accountCount: number;
  lastLoginAt: string | null;
};

const col = dataTableColumns<UserListRow>();
const columns = col.columns([
  col.accessor('name', {
    header: 'User',
    enableSorting: true,
    cell: ({ row: { original: u } }) => (
      <>
        <Link href={`/partners/users/${u.id}`} className="font-medium hover:underline">
          {u.name}
        </Link>
        <p className="text-xs text-muted-foreground">{u.email}</p>
      </>
    ),
  }),
  // Users without a role sort after everyone else's.
  col.accessor((u) => u.roleName ?? undefined, {
    id: 'role',
    header: 'Role',
    enableSorting: true,
    sortUndefined: 'last',
    cell: ({ getValue }) => getValue() ?? <span className="text-muted-foreground">No role</span>,
  }),
  col.accessor((u) => (u.allAccounts ? Number.MAX_SAFE_INTEGER : u.accountCount), {
    id: 'accounts',
    header: 'Accounts',
    enableSorting: true,
    meta: { className: 'hidden sm:table-cell' },
    cell: ({ row: { original: u } }) => (u.allAccounts ? 'All accounts' : `${u.accountCount} account${u.accountCount === 1 ? '' : 's'}`),
  }),
  col.accessor('status', { header: 'Status', enableSorting: true, cell: ({ getValue }) => <StatusBadge status={getValue()} /> }),
  col.accessor((u) => u.lastLoginAt ?? undefined, {
    id: 'lastLogin',
    header: 'Last sign-in',
    enableSorting: true,
    sortDescFirst: true,
    sortUndefined: 'last',
    meta: { className: 'hidden md:table-cell' },
    cell: ({ getValue }) => <RelativeTime iso={getValue() ?? null} />,
  }),
]);

export function UsersClient({
  users,
  roles,
  accounts,
  filtered,
  grantable,
  emailLinks,
}: {
  users: UserListRow[];
  roles: RoleOption[];
  accounts: Option[];
  filtered: boolean;
  grantable: GrantableAccounts;
  emailLinks: boolean;
}) {
  const [creating, setCreating] = React.useState(false);
  return (
    <>
      <PageHeader
        title="Users"
        description="Your team: the role each person holds and the customer accounts they may see."
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus /> Add user
          </Button>
        }
      />
      <UserFilters roles={roles} />
      <Card>
        <DataTable
          columns={columns}
          data={users}
          getRowId={(u) => u.id}
          rowHref={(u) => `/partners/users/${u.id}`}
          rowProps={(u) => ({ 'data-testid': `user-${u.email}` })}
          empty={
            <EmptyState icon={<Users />} title={filtered ? 'No user matches these filters' : 'No users yet'}>
              {filtered ? 'Change the search or clear the filters.' : 'Add a user and give them a role.'}
            </EmptyState>
          }
        />
      </Card>
      <p className="mt-2 text-xs text-muted-foreground">
        {users.length} user{users.length === 1 ? '' : 's'}
      </p>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} roles={roles} accounts={accounts} grantable={grantable} emailLinks={emailLinks} />
    </>
  );
}
