'use client';
import * as React from 'react';
import { toast } from 'sonner';
import { Check, Copy } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** A one-time link shown once: the server keeps only its hash, so this is the only chance to copy it. */
export function OneTimeLink({ path, expiresAt }: { path: string; expiresAt: string | Date }) {
  const [copied, setCopied] = React.useState(false);
  const url = typeof window === 'undefined' ? path : `${window.location.origin}${path}`;
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2 rounded-md border bg-muted px-3 py-2">
        <code data-testid="one-time-link" className="min-w-0 flex-1 break-all font-mono text-xs">
          {url}
        </code>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          aria-label="Copy link"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => {});
            setCopied(true);
            toast.success('Link copied');
          }}
        >
          {copied ? <Check /> : <Copy />}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        Send it to them yourself. It works once and expires {new Date(expiresAt).toUTCString().replace(/:\d\d GMT$/, ' UTC')}. It will not be shown again.
      </p>
    </div>
  );
}
