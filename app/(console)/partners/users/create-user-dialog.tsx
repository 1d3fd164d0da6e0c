'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { createUserInput } from '@/lib/partners/user-input';
import { issuesFromZod } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { createUserAction } from './actions';
import { AccountPicker, type GrantableAccounts } from './account-picker';
import { RoleOptions, type RoleOption } from './role-options';
import { CredentialSetup, type Setup } from './credential-setup';
import { LinkDeliveryPanel } from './link-delivery';
import type { LinkDelivery } from '@/lib/partners/email-password-link';

type Option = { id: string; name: string };
type Errors = Record<string, string | undefined>;

const empty = { email: '', name: '', roleId: '', allAccounts: false, accountIds: [] as string[], setup: 'link' as Setup, password: '' };

export function CreateUserDialog({
  open,
  onClose,
  roles,
  accounts,
  grantable,
  emailLinks,
}: {
  open: boolean;
  onClose: () => void;
  roles: RoleOption[];
  accounts: Option[];
  grantable: GrantableAccounts;
  emailLinks: boolean;
}) {
  const router = useRouter();
  const [v, setV] = React.useState(empty);
  const [errors, setErrors] = React.useState<Errors>({});
  const [created, setCreated] = React.useState<{
    email: string;
    link: { path: string; expiresAt: Date } | null;
    delivery: LinkDelivery | null;
  } | null>(null);
  const [pending, start] = React.useTransition();
  const set = <K extends keyof typeof empty>(k: K, val: (typeof empty)[K]) => setV((s) => ({ ...s, [k]: val }));

  const emailed = created?.delivery?.status === 'emailed';

  function close() {
    setV(empty);
    setErrors({});
    setCreated(null);
    onClose();
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const local = createUserInput.safeParse(v);
    if (!local.success) {
      const next: Errors = {};
      for (const i of issuesFromZod(local.error)) next[i.path || '_'] ??= i.message;
      return setErrors(next);
    }
    start(async () => {
      const res = await createUserAction(v);
      if (!res.ok) return setErrors(res.fieldErrors ?? { _: res.error });
      router.refresh();
      if (res.data.link) setCreated({ email: res.data.email, link: res.data.link, delivery: res.data.delivery });
      else {
        toast.success(`Added ${res.data.email}`);
        close();
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !o && close()}>
      <DialogContent
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto"
        title={created ? (emailed ? 'Invitation sent' : 'Send the invitation link') : 'Add a user'}
        description={
          created
            ? emailed
              ? `${created.email} was added. They set their password with the link in the email.`
              : `${created.email} was added. They set their password with this link.`
            : 'They sign in with their email. Choose what they may do and which customer accounts they see.'
        }
      >
        {created?.link ? (
          <>
            <LinkDeliveryPanel delivery={created.delivery} link={created.link} noun="invitation" />
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Email" htmlFor="user-email" error={errors.email}>
                <Input
                  id="user-email"
                  type="email"
                  autoComplete="off"
                  value={v.email}
                  onChange={(e) => set('email', e.target.value)}
                  aria-invalid={!!errors.email}
                  autoFocus
                />
              </Field>
              <Field label="Name" htmlFor="user-name" error={errors.name}>
                <Input id="user-name" value={v.name} onChange={(e) => set('name', e.target.value)} aria-invalid={!!errors.name} maxLength={100} />
              </Field>
            </div>
            <Field label="Role" htmlFor="user-role" error={errors.roleId}>
              <Select id="user-role" value={v.roleId} onChange={(e) => set('roleId', e.target.value)} aria-invalid={!!errors.roleId}>
                <RoleOptions roles={roles} />
              </Select>
            </Field>
            <Field label="Customer accounts" error={errors.accountIds}>
              <AccountPicker
                accounts={accounts}
                allAccounts={v.allAccounts}
                selected={v.accountIds}
                onChange={(n) => setV((s) => ({ ...s, ...n }))}
                invalid={!!errors.accountIds}
                grantable={grantable}
              />
            </Field>
            <CredentialSetup
              setup={v.setup}
              onSetup={(s) => set('setup', s)}
              password={v.password}
              onPassword={(p) => set('password', p)}
              error={errors.password}
              linkHint={emailLinks ? 'We send it to their inbox; it works once, for 7 days.' : 'You get a link to send them; it works once, for 7 days.'}
            />
            {errors._ ? (
              <p role="alert" className="text-sm text-destructive">
                {errors._}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="button" variant="outline" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" disabled={pending}>
                Add user
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
