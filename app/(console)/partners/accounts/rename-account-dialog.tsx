'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { CustomerAccountView } from '@/lib/provisioning/account-view';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { updateAccountAction } from './actions';

export function RenameAccountDialog({ account, onOpenChange }: { account: CustomerAccountView | null; onOpenChange: (o: boolean) => void }) {
  const router = useRouter();
  const [name, setName] = React.useState('');
  const [error, setError] = React.useState<string | null>(null);
  const [pending, start] = React.useTransition();
  React.useEffect(() => {
    setName(account?.name ?? '');
    setError(null);
  }, [account]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!account) return;
    start(async () => {
      const r = await updateAccountAction({ id: account.id, change: { name } });
      if (!r.ok) return setError(r.fieldErrors?.name ?? r.error);
      toast.success('Account renamed');
      onOpenChange(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={!!account} onOpenChange={onOpenChange}>
      <DialogContent title="Rename account" description={account ? `The id ${account.id} and the region stay as they are.` : undefined}>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="Name" htmlFor="rename-account" error={error}>
            <Input id="rename-account" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!error} autoFocus />
          </Field>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
