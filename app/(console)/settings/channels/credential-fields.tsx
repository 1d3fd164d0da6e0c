'use client';
import { Input } from '@/components/ui/input';
import { Field } from '@/components/ui/field';

export type CredentialValues = { apiKey: string; subAccountId: string; webhookSecret: string };
export const NO_CREDENTIALS: CredentialValues = { apiKey: '', subAccountId: '', webhookSecret: '' };

/**
 * 8x8's three credentials. Secrets are typed into password fields and never shown back: when they are
 * already stored (`stored`), blank fields keep them.
 */
export function CredentialFields({
  values,
  errors,
  onChange,
  onEdit,
  stored = false,
}: {
  values: CredentialValues;
  errors: Record<string, string>;
  onChange: (v: CredentialValues) => void;
  /** Told which field the user changed, so its error can go. */
  onEdit?: (field: keyof CredentialValues) => void;
  stored?: boolean;
}) {
  const set = (field: keyof CredentialValues, value: string) => {
    onChange({ ...values, [field]: value });
    onEdit?.(field);
  };
  const keepHelp = stored ? 'Set. Leave blank to keep the current value.' : undefined;
  return (
    <fieldset className="space-y-4 rounded-[var(--radius)] border p-4">
      <legend className="px-1 text-sm font-medium">8x8 credentials</legend>
      <Field
        label="8x8 API key"
        htmlFor="cred-api-key"
        help={keepHelp ?? 'From 8x8 Connect → API keys. Stored encrypted; never shown again.'}
        error={errors['credentials.apiKey']}
      >
        <Input
          id="cred-api-key"
          type="password"
          autoComplete="off"
          value={values.apiKey}
          onChange={(e) => set('apiKey', e.target.value)}
          placeholder={stored ? '••••••••' : undefined}
          aria-invalid={!!errors['credentials.apiKey']}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="8x8 subaccount id"
          htmlFor="cred-sub"
          help={keepHelp ?? 'The 8x8 subaccount this channel sends as.'}
          error={errors['credentials.subAccountId']}
        >
          <Input
            id="cred-sub"
            autoComplete="off"
            className="font-mono"
            value={values.subAccountId}
            onChange={(e) => set('subAccountId', e.target.value)}
            placeholder={stored ? '••••••••' : undefined}
            aria-invalid={!!errors['credentials.subAccountId']}
          />
        </Field>
        <Field
          label="Webhook secret"
          htmlFor="cred-secret"
          help={keepHelp ?? '8x8 sends it as Authorization: Bearer on every webhook call.'}
          error={errors['credentials.webhookSecret']}
        >
          <Input
            id="cred-secret"
            type="password"
            autoComplete="off"
            value={values.webhookSecret}
            onChange={(e) => set('webhookSecret', e.target.value)}
            placeholder={stored ? '••••••••' : undefined}
            aria-invalid={!!errors['credentials.webhookSecret']}
          />
        </Field>
      </div>
      {errors.credentials ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {errors.credentials}
        </p>
      ) : null}
    </fieldset>
  );
}
