'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import type { ChannelView } from '@/lib/provisioning/channel-view';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { updateChannelAction } from '../actions';
import { CredentialFields, NO_CREDENTIALS, type CredentialValues } from '../credential-fields';
import { useFieldErrors } from '@/components/forms/use-field-errors';

export function EditChannelDialog({ open, onOpenChange, channel }: { open: boolean; onOpenChange: (o: boolean) => void; channel: ChannelView }) {
  const router = useRouter();
  const [name, setName] = React.useState(channel.name);
  const [credentials, setCredentials] = React.useState<CredentialValues>(NO_CREDENTIALS);
  const { errors, setErrors, clear } = useFieldErrors();
  const [pending, start] = React.useTransition();
  const is8x8 = channel.provider === '8x8';

  React.useEffect(() => {
    if (!open) return;
    setName(channel.name);
    setCredentials(NO_CREDENTIALS);
    setErrors({});
  }, [open, channel.name, setErrors]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const rotating = Object.values(credentials).some((v) => v.trim());
      const r = await updateChannelAction({
        subAccountId: channel.subAccountId,
        channelId: channel.id,
        change: { name, ...(is8x8 && rotating ? { credentials } : {}) },
      });
      if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
      setCredentials(NO_CREDENTIALS);
      toast.success(rotating ? 'Channel saved; credentials rotated' : 'Channel saved');
      onOpenChange(false);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title={is8x8 ? 'Edit channel' : 'Rename channel'}
        description={is8x8 ? 'Type only the credentials that changed: blank fields keep the stored ones.' : undefined}
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto"
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <Field label="Name" htmlFor="edit-channel-name" error={errors.name}>
            <Input
              id="edit-channel-name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                clear('name');
              }}
              aria-invalid={!!errors.name}
            />
          </Field>
          {is8x8 ? (
            <CredentialFields
              values={credentials}
              errors={errors}
              onChange={setCredentials}
              stored={channel.credentials === 'set'}
              onEdit={(field) => clear(`credentials.${field}`, 'credentials')}
            />
          ) : null}
          {errors._ && !errors.name && !Object.keys(errors).some((k) => k.startsWith('credentials')) ? (
            <p className="text-sm text-destructive">{errors._}</p>
          ) : null}
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
