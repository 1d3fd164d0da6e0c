'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { deleteRoleAction } from './actions';

type Role = { id: string; name: string; userCount: number };

/** Confirms a deletion; when users hold the role, asks which role they move to first. */
export function DeleteRoleDialog({ role, roles, onClose }: { role: Role | null; roles: Role[]; onClose: () => void }) {
  const router = useRouter();
  const [target, setTarget] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  React.useEffect(() => {
    setTarget('');
    setError(null);
  }, [role]);
  if (!role) return null;
  const inUse = role.userCount > 0;
  const others = roles.filter((r) => r.id !== role.id);

  return (
    <ConfirmDialog
      open
      onOpenChange={(o) => !o && onClose()}
      title={`Delete “${role.name}”?`}
      description={
        inUse
          ? `${role.userCount} user${role.userCount === 1 ? ' holds' : 's hold'} this role. Choose the role they move to; then the role is deleted.`
          : 'Nobody holds this role. Deleting it cannot be undone.'
      }
      confirmLabel={inUse ? 'Move users and delete' : 'Delete role'}
      pending={pending}
      onConfirm={() => {
        if (inUse && !target) return setError('Choose the role its users move to');
        start(async () => {
          const res = await deleteRoleAction({ id: role.id, reassignToRoleId: inUse ? target : undefined });
          if (!res.ok) return setError(res.error);
          toast.success(inUse ? `Deleted “${role.name}” and moved ${res.data.reassigned} user(s)` : `Deleted “${role.name}”`);
          onClose();
          router.refresh();
        });
      }}
    >
      {inUse ? (
        <Field label="Move its users to" htmlFor="reassign-role" error={error}>
          <Select id="reassign-role" value={target} onChange={(e) => setTarget(e.target.value)} aria-invalid={!!error}>
            <option value="">Choose a role…</option>
            {others.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
