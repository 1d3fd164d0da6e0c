'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { Ban, RotateCcw } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { cancelRunAction, retryRunAction } from '../actions';

export function RunActions({ instanceId, status, failedStep }: { instanceId: string; status: string; failedStep: string | null }) {
  const router = useRouter();
  const [confirming, setConfirming] = React.useState(false);
  const [busy, setBusy] = React.useState(false);

  async function cancel() {
    setBusy(true);
    const r = await cancelRunAction({ instanceId });
    setBusy(false);
    setConfirming(false);
    if (r.ok) toast.success('Run cancelled');
    else toast.error(r.error);
    router.refresh();
  }

  async function retry() {
    setBusy(true);
    const r = await retryRunAction({ instanceId });
    setBusy(false);
    if (r.ok) toast.success(`Retrying from step '${failedStep}'`);
    else toast.error(r.error);
    // The run continues in the background; give it a moment before showing where it got to.
    setTimeout(() => router.refresh(), 600);
  }

  if (status === 'waiting')
    return (
      <>
        <Button variant="outline" onClick={() => setConfirming(true)}>
          <Ban /> Cancel run
        </Button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Cancel this run?"
          description="It stops waiting and will not run any further step. This cannot be undone."
          cancelLabel="Keep waiting"
          confirmLabel="Cancel run"
          pending={busy}
          onConfirm={cancel}
        />
      </>
    );
  if (status === 'failed')
    return (
      <Button onClick={retry} disabled={busy}>
        <RotateCcw /> Retry from {failedStep ? `'${failedStep}'` : 'the failed step'}
      </Button>
    );
  return null;
}
