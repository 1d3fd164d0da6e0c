'use client';

import type { RunPath } from '@/components/flow-editor/flow-editor';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { Dialog, DialogContent } from '@/components/ui/dialog';

/** Placeholder until the runner's instance API lands: explains how to test meanwhile. */
export function TestRunPanel({ onClose }: { workflowId: string; workflow: WorkflowJson; onClose: () => void; onPath: (p: RunPath | null) => void; flush: () => Promise<number | null> }) {
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title="Test run" description="Start this workflow against a Simulator customer.">
        <p className="text-sm text-muted-foreground">Test runs need the workflow runner, which is not available in this build yet.</p>
      </DialogContent>
    </Dialog>
  );
}
