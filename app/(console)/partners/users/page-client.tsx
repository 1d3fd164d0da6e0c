'use client';
import * as React from 'react';
import Link from 'next/link';
import { Plus, Users } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
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

export function UsersClient({
  users,
  roles,
  accounts,
  filtered,
  grantable,
}: {
  users: UserListRow[];
  roles: RoleOption[];
  accounts: Option[];
  filtered: boolean;
  grantable: GrantableAccounts;
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
        {users.length === 0 ? (
          <EmptyState icon={<Users />} title={filtered ? 'No user matches these filters' : 'No users yet'}>
            {filtered ? 'Change the search or clear the filters.' : 'Add a user and give them a role.'}
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <TH>User</TH>
                <TH>Role</TH>
                <TH className="hidden sm:table-cell">Accounts</TH>
                <TH>Status</TH>
                <TH className="hidden md:table-cell">Last sign-in</TH>
              </tr>
            </THead>
            <TBody>
              {users.map((u) => (
                <TR key={u.id} data-testid={`user-${u.email}`}>
                  <TD>
                    <Link href={`/partners/users/${u.id}`} className="font-medium hover:underline">
                      {u.name}
                    </Link>
                    <p className="text-xs text-muted-foreground">{u.email}</p>
                  </TD>
                  <TD>{u.roleName ?? <span className="text-muted-foreground">No role</span>}</TD>
                  <TD className="hidden sm:table-cell">{u.allAccounts ? 'All accounts' : `${u.accountCount} account${u.accountCount === 1 ? '' : 's'}`}</TD>
                  <TD>
                    <StatusBadge status={u.status} />
                  </TD>
                  <TD className="hidden md:table-cell">
                    <RelativeTime iso={u.lastLoginAt} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <p className="mt-2 text-xs text-muted-foreground">
        {users.length} user{users.length === 1 ? '' : 's'}
      </p>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} roles={roles} accounts={accounts} grantable={grantable} />
    </>
  );
}
