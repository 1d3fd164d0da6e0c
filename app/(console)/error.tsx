'use client';

import { useEffect } from 'react';
import { AlertTriangle } from 'lucide-react';
import { Button } from '@/components/ui/button';

/**
 * A console page that throws while rendering. Without this boundary Next replaced the whole window,
 * sidebar included, with its bare "Application error" line: no way back but the browser's. Here the
 * shell stays, the page says what happened and offers to try again; the digest matches the server log.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="flex min-h-[50vh] flex-col items-center justify-center gap-3 px-6 text-center">
      <AlertTriangle className="size-8 text-destructive" aria-hidden />
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <p className="max-w-md text-sm text-muted-foreground">
        Something failed while loading it. Try again; if it keeps failing, the server log has the details
        {error.digest ? (
          <>
            {' '}
            under <span className="font-mono">{error.digest}</span>
          </>
        ) : null}
        .
      </p>
      <Button variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
