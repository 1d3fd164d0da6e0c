'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { createAccountAction } from './actions';
import { useFieldErrors } from '@/components/forms/use-field-errors';

export type RegionOption = { id: string; label: string; domain: string };

/** A readable id from the name ("Acme Europe" → "acme_europe") until the user types their own. */
function idFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 50);
}

export function NewAccountDialog({ open, onOpenChange, regions }: { open: boolean; onOpenChange: (o: boolean) => void; regions: RegionOption[] }) {
  const router = useRouter();
  const [name, setName] = React.useState('');
  const [id, setId] = React.useState('');
  const [idEdited, setIdEdited] = React.useState(false);
  const [region, setRegion] = React.useState(regions[0]?.id ?? 'apac');
  const { errors, setErrors, clear } = useFieldErrors();
  const [pending, start] = React.useTransition();
  const chosen = regions.find((r) => r.id === region);

  function close(o: boolean) {
    if (!o) {
      setName('');
      setId('');
      setIdEdited(false);
      setRegion(regions[0]?.id ?? 'apac');
      setErrors({});
    }
    onOpenChange(o);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const r = await createAccountAction({ id, name, region: region as never });
      if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
      toast.success(`Account ${r.data.name} created in ${r.data.regionLabel}`);
      close(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent title="New account" description="A customer account, with a default subaccount of the same id. The region cannot be changed later.">
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="Name" htmlFor="account-name" error={errors.name}>
            <Input
              id="account-name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                clear('name', ...(idEdited ? [] : ['id']));
                if (!idEdited) setId(idFrom(e.target.value));
              }}
              placeholder="Acme Europe"
              aria-invalid={!!errors.name}
              autoFocus
            />
          </Field>
          <Field label="Account id" htmlFor="account-id" help="3–50 lower-case letters, digits or _. Used in API paths; it cannot change." error={errors.id}>
            <Input
              id="account-id"
              value={id}
              onChange={(e) => {
                setId(e.target.value);
                setIdEdited(true);
                clear('id');
              }}
              className="font-mono"
              placeholder="acme_europe"
              aria-invalid={!!errors.id}
            />
          </Field>
          <Field
            label="Platform region"
            htmlFor="account-region"
            help={chosen ? `Sends through chatapps.${chosen.domain} and sms.${chosen.domain}.` : undefined}
            error={errors.region}
          >
            <Select
              id="account-region"
              value={region}
              onChange={(e) => {
                setRegion(e.target.value);
                clear('region');
              }}
            >
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </Select>
          </Field>
          {errors._ && !errors.id && !errors.name && !errors.region ? <p className="text-sm text-destructive">{errors._}</p> : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              Create account
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
