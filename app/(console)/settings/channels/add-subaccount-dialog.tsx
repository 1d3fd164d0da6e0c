'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { createSubAccountAction } from './actions';
import { useFieldErrors } from '@/components/forms/use-field-errors';

export function AddSubAccountDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const router = useRouter();
  const [id, setId] = React.useState('');
  const [name, setName] = React.useState('');
  const { errors, setErrors, clear } = useFieldErrors();
  const [pending, start] = React.useTransition();

  function close(o: boolean) {
    if (!o) {
      setId('');
      setName('');
      setErrors({});
    }
    onOpenChange(o);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const r = await createSubAccountAction({ id, name });
      if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
      toast.success(`Subaccount ${r.data.name} created`);
      close(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent title="New subaccount" description="A subaccount groups channels, templates and workflows; the API sends as /subaccounts/{id}/messages.">
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="Name" htmlFor="subaccount-name" error={errors.name}>
            <Input
              id="subaccount-name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                clear('name');
              }}
              placeholder="Support"
              aria-invalid={!!errors.name}
              autoFocus
            />
          </Field>
          <Field label="Subaccount id" htmlFor="subaccount-id" help="3–50 letters, digits, _ or -. It cannot change." error={errors.id}>
            <Input
              id="subaccount-id"
              value={id}
              onChange={(e) => {
                setId(e.target.value);
                clear('id');
              }}
              className="font-mono"
              placeholder="acme_support"
              aria-invalid={!!errors.id}
            />
          </Field>
          {errors._ && !errors.id && !errors.name ? <p className="text-sm text-destructive">{errors._}</p> : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              Create subaccount
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
