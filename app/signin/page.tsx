import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { MessagesSquare } from 'lucide-react';
import { getPrincipal } from '@/app/_lib/session';
import { SignInForm } from '@/app/signin/signin-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage() {
  if (await getPrincipal()) redirect('/');
  return (
    <div className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-accent/60 to-background px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          <span className="flex size-10 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow">
            <MessagesSquare className="size-5" />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">Sign in to Parley</h1>
          <p className="text-sm text-muted-foreground">Business messaging, automations, templates and campaigns.</p>
        </div>
        <div className="rounded-lg border bg-card p-6 shadow-sm">
          <SignInForm />
        </div>
      </div>
    </div>
  );
}
