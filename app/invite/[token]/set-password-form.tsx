'use client';
import * as React from 'react';
import Link from 'next/link';
import { CheckCircle2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { PASSWORD_MIN } from '@/lib/partners/user-input';
import { setPasswordAction, type SetPasswordState } from './actions';

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = React.useActionState<SetPasswordState, FormData>(setPasswordAction, {});
  if (state.ok) {
    return (
      <div className="space-y-4 text-center">
        <CheckCircle2 className="mx-auto size-8 text-green-600" />
        <p className="text-sm">Your password is set. Sign in as {state.email}.</p>
        <Button asChild className="w-full">
          <Link href="/signin">Go to sign in</Link>
        </Button>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label="Email" htmlFor="invite-email">
        <Input id="invite-email" value={email} readOnly autoComplete="username" className="bg-muted" />
      </Field>
      <Field label="New password" htmlFor="new-password" help={`At least ${PASSWORD_MIN} characters.`} error={state.fieldErrors?.password}>
        <Input id="new-password" name="password" type="password" autoComplete="new-password" required aria-invalid={!!state.fieldErrors?.password} autoFocus />
      </Field>
      <Field label="Repeat the password" htmlFor="confirm-password" error={state.fieldErrors?.confirm}>
        <Input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required aria-invalid={!!state.fieldErrors?.confirm} />
      </Field>
      {state.error ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        Set password
      </Button>
    </form>
  );
}
