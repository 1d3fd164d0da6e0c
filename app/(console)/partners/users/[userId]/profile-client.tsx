'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ArrowLeft, KeyRound, UserCheck, UserX } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { RelativeTime } from '@/components/format/relative-time';
import { updateUserAccessAction } from '../actions';
import { AccountPicker, type GrantableAccounts } from '../account-picker';
import { RoleOptions, type RoleOption } from '../role-options';
import { StatusBadge } from '../status-badge';
import { ResetPasswordDialog } from './reset-password-dialog';
import { StatusDialog } from './status-dialog';

type Option = { id: string; name: string };
export type ProfileUser = {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'invited' | 'deactivated';
  roleId: string | null;
  allAccounts: boolean;
  accountIds: string[];
  lastLoginAt: string | null;
  createdAt: string;
};

export function ProfileClient({
  user,
  roles,
  accounts,
  isSelf,
  grantable,
  emailLinks,
}: {
  user: ProfileUser;
  roles: RoleOption[];
  accounts: Option[];
  isSelf: boolean;
  grantable: GrantableAccounts;
  emailLinks: boolean;
}) {
  const router = useRouter();
  const [name, setName] = React.useState(user.name);
  const [roleId, setRoleId] = React.useState(user.roleId ?? '');
  const [access, setAccess] = React.useState({ allAccounts: user.allAccounts, accountIds: user.accountIds });
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [dialog, setDialog] = React.useState<'status' | 'reset' | null>(null);
  const [pending, start] = React.useTransition();

  return (
    <>
      <Link href="/partners/users" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" /> Users
      </Link>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="flex items-center gap-2 text-xl font-semibold tracking-tight">
            {user.name} <StatusBadge status={user.status} />
          </h1>
          <p className="mt-1 text-sm text-muted-foreground">{user.email}</p>
        </div>
        <div className="flex gap-2">
          <Button variant="outline" onClick={() => setDialog('reset')} disabled={user.status === 'deactivated'}>
            <KeyRound /> Reset password
          </Button>
          {isSelf ? null : (
            <Button variant="outline" className={user.status === 'deactivated' ? '' : 'text-destructive'} onClick={() => setDialog('status')}>
              {user.status === 'deactivated' ? <UserCheck /> : <UserX />}
              {user.status === 'deactivated' ? 'Reactivate' : 'Deactivate'}
            </Button>
          )}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <Card>
          <CardHeader>
            <CardTitle>Access</CardTitle>
            <CardDescription>The role decides what they may do; the accounts decide where. Changes apply on their next page load.</CardDescription>
          </CardHeader>
          <CardContent>
            <form
              noValidate
              className="space-y-4"
              onSubmit={(e) => {
                e.preventDefault();
                start(async () => {
                  const res = await updateUserAccessAction({ userId: user.id, name, roleId, ...access });
                  if (!res.ok) return setErrors(res.fieldErrors ?? { _: res.error });
                  setErrors({});
                  toast.success(`Saved access of ${user.email}`);
                  router.refresh();
                });
              }}
            >
              <Field label="Name" htmlFor="profile-name" error={errors.name}>
                <Input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} aria-invalid={!!errors.name} />
              </Field>
              <Field label="Role" htmlFor="profile-role" error={errors.roleId}>
                <Select id="profile-role" value={roleId} onChange={(e) => setRoleId(e.target.value)} aria-invalid={!!errors.roleId}>
                  <RoleOptions roles={roles} />
                </Select>
              </Field>
              <Field label="Customer accounts" error={errors.accountIds}>
                <AccountPicker
                  accounts={accounts}
                  allAccounts={access.allAccounts}
                  selected={access.accountIds}
                  onChange={setAccess}
                  invalid={!!errors.accountIds}
                  grantable={grantable}
                />
              </Field>
              {errors._ || errors.permissions ? (
                <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
                  {errors._ ?? errors.permissions}
                </p>
              ) : null}
              <div className="flex justify-end">
                <Button type="submit" disabled={pending}>
                  Save changes
                </Button>
              </div>
            </form>
          </CardContent>
        </Card>
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>Sign-in</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-xs text-muted-foreground">Last sign-in</dt>
                <dd>
                  <RelativeTime iso={user.lastLoginAt} />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Added</dt>
                <dd>
                  <RelativeTime iso={user.createdAt} />
                </dd>
              </div>
            </dl>
          </CardContent>
        </Card>
      </div>
      <ResetPasswordDialog user={user} open={dialog === 'reset'} onClose={() => setDialog(null)} emailLinks={emailLinks} />
      <StatusDialog user={user} open={dialog === 'status'} onClose={() => setDialog(null)} />
    </>
  );
}
