'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { permissionLabel, type Permission } from '@/lib/auth/permissions';
import { createRoleInput } from '@/lib/partners/role-input';
import { issuesFromZod } from '@/lib/errors';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Badge } from '@/components/ui/badge';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { createRoleAction, updateRoleAction } from './actions';
import { ModulesChecklist } from './modules-checklist';

export type EditableRole = { id: string; name: string; description: string; permissions: Permission[]; builtIn: boolean };
type Errors = Partial<Record<'name' | 'description' | 'permissions' | '_', string>>;

/** Create a role, or edit one (`role` given), with the same form. */
export function RoleEditorDialog({ open, role, held, onClose }: { open: boolean; role: EditableRole | null; held: Permission[]; onClose: () => void }) {
  const router = useRouter();
  // Permissions the admin holds, plus those the role already has (keeping or removing them grants nothing).
  const grantable = React.useMemo(() => new Set<Permission>([...held, ...(role?.permissions ?? [])]), [held, role]);
  const [name, setName] = React.useState('');
  const [description, setDescription] = React.useState('');
  const [permissions, setPermissions] = React.useState<Permission[]>([]);
  const [errors, setErrors] = React.useState<Errors>({});
  const [pending, start] = React.useTransition();

  React.useEffect(() => {
    if (!open) return;
    setName(role?.name ?? '');
    setDescription(role?.description ?? '');
    setPermissions(role?.permissions ?? []);
    setErrors({});
  }, [open, role]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const values = { name, description, permissions };
    // The server checks again; checking here first puts the message beside the field without a round trip.
    const local = createRoleInput.safeParse(values);
    if (!local.success) {
      const next: Errors = {};
      for (const i of issuesFromZod(local.error)) next[(i.path || '_') as keyof Errors] ??= i.message;
      return setErrors(next);
    }
    start(async () => {
      const res = role ? await updateRoleAction({ id: role.id, ...values }) : await createRoleAction(values);
      if (!res.ok) return setErrors({ _: res.fieldErrors ? undefined : res.error, ...(res.fieldErrors as Errors) });
      toast.success(role ? `Saved “${name.trim()}”` : `Created role “${name.trim()}”`);
      onClose();
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !o && onClose()}>
      <DialogContent
        title={role ? `Edit role` : 'Create a role'}
        description={role ? 'Users who hold this role get the change on their next page load.' : 'A role is a set of permissions you can give to users.'}
      >
        <form onSubmit={submit} noValidate className="space-y-4">
          <Field label="Name" htmlFor="role-name" help="e.g. “Support Analyst” or “Sales Viewer”." error={errors.name}>
            <Input id="role-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} aria-invalid={!!errors.name} autoFocus />
          </Field>
          <Field label="Description" htmlFor="role-description" help="Optional: what people with this role do." error={errors.description}>
            <Textarea id="role-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} rows={2} />
          </Field>
          <Field label="Permissions" help="Open Modules to grant whole product areas or single permissions." error={errors.permissions}>
            <ModulesChecklist value={permissions} onApply={setPermissions} invalid={!!errors.permissions} grantable={grantable} />
            {permissions.length ? (
              <ul aria-label="Selected permissions" className="flex flex-wrap gap-1.5 pt-1">
                {permissions.map((p) => (
                  <li key={p}>
                    <Badge tone="info">{permissionLabel(p)}</Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </Field>
          {errors._ ? (
            <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
              {errors._}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {role ? 'Save role' : 'Create role'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
