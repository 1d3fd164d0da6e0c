'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { setUserStatusAction } from '../actions';

/** Confirms deactivating (sessions end at once) or reactivating a user. */
export function StatusDialog({ user, open, onClose }: { user: { id: string; email: string; status: string }; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  const deactivate = user.status !== 'deactivated';
  return (
    <Dialog open={open} onOpenChange={(o) => (!o ? (setError(null), onClose()) : undefined)}>
      <DialogContent
        title={deactivate ? `Deactivate ${user.email}?` : `Reactivate ${user.email}?`}
        description={
          deactivate
            ? 'They are signed out at once and cannot sign in until reactivated. Their role and accounts are kept.'
            : 'They can sign in again with their password, with the role and accounts they had.'
        }
      >
        {error ? (
          <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
            {error}
          </p>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant={deactivate ? 'destructive' : 'default'}
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await setUserStatusAction({ userId: user.id, status: deactivate ? 'deactivated' : 'active' });
                if (!res.ok) return setError(res.error);
                toast.success(deactivate ? `Deactivated ${user.email}` : `Reactivated ${user.email}`);
                onClose();
                router.refresh();
              })
            }
          >
            {deactivate ? 'Deactivate user' : 'Reactivate user'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
