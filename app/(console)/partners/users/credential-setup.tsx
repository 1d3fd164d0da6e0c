'use client';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PASSWORD_MIN } from '@/lib/partners/user-input';
import { cn } from '@/lib/utils';

export type Setup = 'link' | 'password';

/** How someone gets a password: a one-time link they open, or a password the admin types now. */
export function CredentialSetup({
  setup,
  onSetup,
  password,
  onPassword,
  error,
  linkHint,
}: {
  setup: Setup;
  onSetup: (s: Setup) => void;
  password: string;
  onPassword: (p: string) => void;
  error?: string;
  linkHint: string;
}) {
  const options: { value: Setup; title: string; hint: string }[] = [
    { value: 'link', title: 'One-time link', hint: linkHint },
    { value: 'password', title: 'Set a password', hint: 'You type it now and pass it on securely.' },
  ];
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1.5 text-sm font-medium">Password</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              'flex cursor-pointer gap-2 rounded-[var(--radius)] border p-3 text-sm hover:bg-muted/50',
              setup === o.value && 'border-primary bg-accent/40 ring-1 ring-primary/30',
            )}
          >
            <input
              type="radio"
              name="setup"
              value={o.value}
              checked={setup === o.value}
              onChange={() => onSetup(o.value)}
              className="mt-0.5 accent-[var(--primary)]"
            />
            <span>
              <span className="block font-medium">{o.title}</span>
              <span className="block text-xs text-muted-foreground">{o.hint}</span>
            </span>
          </label>
        ))}
      </div>
      {setup === 'password' ? (
        <Field label="Initial password" htmlFor="initial-password" help={`At least ${PASSWORD_MIN} characters.`} error={error}>
          <Input
            id="initial-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => onPassword(e.target.value)}
            aria-invalid={!!error}
          />
        </Field>
      ) : null}
    </fieldset>
  );
}
