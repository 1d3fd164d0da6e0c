import type { Metadata } from 'next';
import Link from 'next/link';
import { MessagesSquare } from 'lucide-react';
import { db } from '@/lib/db/client';
import { findPasswordLink } from '@/lib/partners/find-password-link';
import { SetPasswordForm } from './set-password-form';

export const metadata: Metadata = { title: 'Set your password', robots: { index: false } };

// Public: anyone holding the one-time link may set the password of the user it was made for.
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findPasswordLink(db, token);
  return (
    <div className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-accent/60 to-background px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          <span className="flex size-10 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow">
            <MessagesSquare className="size-5" />
          </span>
          <h1 className="text-xl font-semibold tracking-tight">{link?.purpose === 'reset' ? 'Choose a new password' : 'Welcome to Parley'}</h1>
          <p className="text-sm text-muted-foreground">{link ? `Set the password for ${link.name}.` : 'This link has expired or was already used.'}</p>
        </div>
        <div className="rounded-lg border bg-card p-6 shadow-sm">
          {link ? (
            <SetPasswordForm token={token} email={link.email} />
          ) : (
            <div className="space-y-4 text-center text-sm text-muted-foreground">
              <p>Ask your partner admin for a new link.</p>
              <Link href="/signin" className="text-primary hover:underline">
                Go to sign in
              </Link>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
