'use client';
import * as React from 'react';
import { AlertTriangle, ChevronDown, MailCheck } from 'lucide-react';
import type { LinkDelivery } from '@/lib/partners/email-password-link';
import { OneTimeLink } from './one-time-link';

type Link = { path: string; expiresAt: string | Date };

/**
 * After an invite or a reset: "emailed to …" with the link one click away (for when the mail is slow
 * or filtered), or, when it could not be emailed, why, and the link to pass on by hand. Without SMTP
 * it is the link alone, as before email existed.
 */
export function LinkDeliveryPanel({ delivery, link, noun }: { delivery: LinkDelivery | null | undefined; link: Link; noun: string }) {
  const [showLink, setShowLink] = React.useState(false);
  if (delivery?.status === 'emailed') {
    return (
      <div className="space-y-3">
        <p
          role="status"
          data-testid="link-emailed"
          className="flex items-start gap-2 rounded-md border border-[var(--success)]/30 bg-[var(--success)]/10 px-3 py-2.5 text-sm"
        >
          <MailCheck className="mt-0.5 size-4 shrink-0 text-[var(--success)]" aria-hidden />
          <span className="min-w-0 break-words">
            {capitalise(noun)} emailed to <strong className="font-medium">{delivery.to}</strong>.
          </span>
        </p>
        {showLink ? (
          <OneTimeLink path={link.path} expiresAt={link.expiresAt} />
        ) : (
          <button
            type="button"
            onClick={() => setShowLink(true)}
            aria-expanded={false}
            className="inline-flex items-center gap-1 rounded-sm text-xs text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-[var(--ring)]"
          >
            <ChevronDown className="size-3.5" aria-hidden />
            Copy the link instead
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {delivery?.status === 'failed' ? (
        <p
          role="alert"
          data-testid="link-email-failed"
          className="flex items-start gap-2 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2.5 text-sm text-destructive"
        >
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span className="min-w-0 break-words">
            The {noun} could not be emailed{delivery.to ? ` to ${delivery.to}` : ''}: {delivery.reason}.
          </span>
        </p>
      ) : null}
      <OneTimeLink path={link.path} expiresAt={link.expiresAt} />
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
