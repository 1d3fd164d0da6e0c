'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { Field } from '@/components/ui/field';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { createChannelAction } from './actions';
import { CredentialFields, NO_CREDENTIALS, type CredentialValues } from './credential-fields';
import { useFieldErrors } from '@/components/forms/use-field-errors';

type Kind = 'whatsapp' | 'sms';
type Provider = 'sandbox' | '8x8';

const ADDRESS_HELP: Record<Kind, string> = {
  whatsapp: 'The WhatsApp Business number in E.164, such as +6591234567.',
  sms: 'A number in E.164, or an alphanumeric sender id of 1–11 letters and digits.',
};

export function AddChannelDialog({
  subAccountId,
  subAccounts,
  onOpenChange,
}: {
  /** The subaccount to add to; null when the dialog is closed. */
  subAccountId: string | null;
  subAccounts: { id: string; name: string }[];
  onOpenChange: (o: boolean) => void;
}) {
  const router = useRouter();
  const [sub, setSub] = React.useState('');
  const [kind, setKind] = React.useState<Kind>('whatsapp');
  const [id, setId] = React.useState('');
  const [idEdited, setIdEdited] = React.useState(false);
  const [name, setName] = React.useState('');
  const [address, setAddress] = React.useState('');
  const [provider, setProvider] = React.useState<Provider>('sandbox');
  const [credentials, setCredentials] = React.useState<CredentialValues>(NO_CREDENTIALS);
  const { errors, setErrors, clear } = useFieldErrors();
  const [pending, start] = React.useTransition();

  React.useEffect(() => {
    if (subAccountId === null) return;
    setSub(subAccountId);
    setKind('whatsapp');
    setId(subAccountId ? `${subAccountId}_whatsapp` : '');
    setIdEdited(false);
    setName('');
    setAddress('');
    setProvider('sandbox');
    setCredentials(NO_CREDENTIALS);
    setErrors({});
  }, [subAccountId, setErrors]);

  // The id follows the subaccount and kind ("acme_eu_whatsapp") until the user types one.
  React.useEffect(() => {
    if (!idEdited && sub) setId(`${sub}_${kind}`);
  }, [sub, kind, idEdited]);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const r = await createChannelAction({
        subAccountId: sub,
        channel: { id, kind, address, provider, ...(name.trim() ? { name } : {}), ...(provider === '8x8' ? { credentials } : {}) },
      });
      if (!r.ok) return setErrors({ ...(r.fieldErrors ?? {}), _: r.error });
      // The secrets leave the browser's memory as soon as they are stored.
      setCredentials(NO_CREDENTIALS);
      toast.success(`Channel ${r.data.name} added`);
      onOpenChange(false);
      router.push(`/settings/channels/${encodeURIComponent(r.data.id)}`);
    });
  }

  const shown = new Set([
    'id',
    'kind',
    'address',
    'provider',
    'name',
    'subAccountId',
    'credentials',
    'credentials.apiKey',
    'credentials.subAccountId',
    'credentials.webhookSecret',
  ]);
  return (
    <Dialog open={subAccountId !== null} onOpenChange={onOpenChange}>
      <DialogContent
        title="Add channel"
        description="A WhatsApp number or an SMS sender for a subaccount."
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto"
      >
        <form onSubmit={submit} className="space-y-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Subaccount" htmlFor="channel-sub" error={errors.subAccountId}>
              <Select
                id="channel-sub"
                value={sub}
                onChange={(e) => {
                  setSub(e.target.value);
                  clear('subAccountId', 'id');
                }}
              >
                {subAccounts.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.id})
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Kind" htmlFor="channel-kind" error={errors.kind}>
              <Select
                id="channel-kind"
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as Kind);
                  clear('kind', 'address', 'id');
                }}
              >
                <option value="whatsapp">WhatsApp number</option>
                <option value="sms">SMS sender</option>
              </Select>
            </Field>
          </div>
          <Field label={kind === 'whatsapp' ? 'WhatsApp number' : 'Sender'} htmlFor="channel-address" help={ADDRESS_HELP[kind]} error={errors.address}>
            <Input
              id="channel-address"
              value={address}
              onChange={(e) => {
                setAddress(e.target.value);
                clear('address');
              }}
              className="font-mono"
              placeholder={kind === 'whatsapp' ? '+6591234567' : 'Acme'}
              aria-invalid={!!errors.address}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-[3fr_2fr]">
            <Field label="Channel id" htmlFor="channel-id" help="Letters, digits, _ or -. It cannot change." error={errors.id}>
              <Input
                id="channel-id"
                value={id}
                onChange={(e) => {
                  setId(e.target.value);
                  setIdEdited(true);
                  clear('id');
                }}
                className="font-mono"
                aria-invalid={!!errors.id}
              />
            </Field>
            <Field label="Name (optional)" htmlFor="channel-name" error={errors.name}>
              <Input
                id="channel-name"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  clear('name');
                }}
                placeholder={kind === 'whatsapp' ? 'WhatsApp' : 'SMS'}
              />
            </Field>
          </div>
          <Field
            label="Provider"
            htmlFor="channel-provider"
            help={provider === 'sandbox' ? 'Simulates a phone network: try everything without a carrier.' : "Sends through 8x8's API in the account's region."}
            error={errors.provider}
          >
            <Select
              id="channel-provider"
              value={provider}
              onChange={(e) => {
                setProvider(e.target.value as Provider);
                clear('provider', 'credentials');
              }}
            >
              <option value="sandbox">Sandbox</option>
              <option value="8x8">8x8</option>
            </Select>
          </Field>
          {provider === '8x8' ? (
            <CredentialFields values={credentials} errors={errors} onChange={setCredentials} onEdit={(field) => clear(`credentials.${field}`, 'credentials')} />
          ) : null}
          {errors._ && !Object.keys(errors).some((k) => shown.has(k)) ? <p className="text-sm text-destructive">{errors._}</p> : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              Add channel
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
