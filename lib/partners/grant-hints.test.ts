import { describe, expect, it } from 'vitest';
import type { Permission } from '@/lib/auth/permissions';
import { grantableAccounts, roleOptions } from './grant-hints';

const held = {
  userId: 'u',
  roleId: 'r1',
  permissions: new Set<Permission>(['logs.view', 'partners.users.manage']),
  allAccounts: false,
  accountIds: new Set(['acme']),
};
const roles = [
  { id: 'r1', name: 'Mine', permissions: ['logs.view'] as Permission[] },
  { id: 'r2', name: 'Admin', permissions: ['logs.view', 'partners.roles.manage'] as Permission[] },
];

describe('grant hints in the user forms', () => {
  it('marks the roles that would grant what the admin lacks, but not the role the user already has', () => {
    expect(roleOptions(roles, held)).toEqual([
      { id: 'r1', name: 'Mine', beyond: false },
      { id: 'r2', name: 'Admin', beyond: true },
    ]);
    expect(roleOptions(roles, held, 'r2').find((r) => r.id === 'r2')).toMatchObject({ beyond: false });
  });

  it('offers the accounts the admin reaches plus those the user already has', () => {
    expect(grantableAccounts(held, ['acme', 'initech', 'umbrella'])).toEqual({ allAccounts: false, accountIds: ['acme'] });
    expect(grantableAccounts(held, ['acme', 'initech'], { allAccounts: false, accountIds: ['initech'] })).toEqual({
      allAccounts: false,
      accountIds: ['acme', 'initech'],
    });
    expect(grantableAccounts(held, ['acme', 'initech'], { allAccounts: true, accountIds: [] })).toEqual({ allAccounts: true, accountIds: ['acme', 'initech'] });
  });
});
