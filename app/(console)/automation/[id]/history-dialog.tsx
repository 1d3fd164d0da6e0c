'use client';

import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { describeDiff, diffWorkflows } from '@/lib/automation/graph/diff-workflows';
import type { SavedLayout } from '@/lib/automation/graph/saved-layout';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent } from '@/components/ui/dialog';
import { getWorkflowVersionAction, listVersionsAction, rollbackWorkflowAction } from '../actions';

type Version = { version: number; note: string | null; publishedAt: string | null; createdAt: string; isPublished: boolean; name: string };

const bodyOf = (w: { subAccountId: string; trigger: string; status: string; definition: unknown }): WorkflowJson =>
  ({ subAccountId: w.subAccountId, trigger: w.trigger, status: w.status, definition: w.definition }) as WorkflowJson;

/** Versions newest first, each with what changed since the one before; open one, or roll back to it. */
export function HistoryDialog({
  workflowId,
  open,
  onOpenChange,
  canPublish,
  onOpenVersion,
  onRolledBack,
}: {
  workflowId: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  canPublish: boolean;
  onOpenVersion: (wf: WorkflowJson, version: number, layout: SavedLayout | null) => void;
  onRolledBack: (wf: WorkflowJson, version: number, layout: SavedLayout | null) => void;
}) {
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [diffs, setDiffs] = useState<Record<number, string>>({});
  useEffect(() => {
    if (!open) return;
    let live = true;
    setVersions(null);
    setDiffs({});
    void (async () => {
      const r = await listVersionsAction({ id: workflowId });
      if (!live) return;
      if (!r.ok) return void toast.error(r.error);
      setVersions(r.data);
      // Diff summaries for the latest 15 versions (each against the one before it).
      const nums = r.data.slice(0, 16).map((v) => v.version);
      const bodies = await Promise.all(nums.map((n) => getWorkflowVersionAction({ id: workflowId, version: n })));
      if (!live) return;
      const out: Record<number, string> = {};
      for (let i = 0; i < nums.length; i++) {
        const cur = bodies[i];
        const prev = bodies[i + 1];
        if (cur?.ok)
          out[nums[i]!] = prev?.ok
            ? describeDiff(diffWorkflows(bodyOf(prev.data), bodyOf(cur.data)))
            : i === nums.length - 1 && nums[i] === 1
              ? 'First version'
              : '';
      }
      setDiffs(out);
    })();
    return () => {
      live = false;
    };
  }, [open, workflowId]);

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Version history"
        description="Edits are saved into a draft; publishing makes it the version that runs, and later edits start the next draft."
        className="max-w-2xl"
      >
        <div className="max-h-[60vh] overflow-y-auto">
          {!versions ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
          <ol className="divide-y" data-testid="version-list">
            {versions?.map((v) => (
              <li key={v.version} className="flex items-start gap-3 py-2.5" data-testid={`version-${v.version}`}>
                <div className="w-10 shrink-0 font-mono text-sm">v{v.version}</div>
                <div className="min-w-0 flex-1 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    {v.isPublished ? <Badge tone="success">Published</Badge> : v.publishedAt ? <Badge>Was published</Badge> : <Badge tone="info">Draft</Badge>}
                    <span className="text-xs text-muted-foreground">{new Date(v.createdAt).toLocaleString()}</span>
                  </div>
                  {v.note ? <p className="mt-0.5">{v.note}</p> : null}
                  <p className="mt-0.5 text-xs text-muted-foreground">{diffs[v.version] ?? '…'}</p>
                </div>
                <div className="flex shrink-0 gap-1">
                  <Button
                    size="sm"
                    variant="outline"
                    onClick={async () => {
                      const r = await getWorkflowVersionAction({ id: workflowId, version: v.version });
                      if (!r.ok) return void toast.error(r.error);
                      onOpenVersion(bodyOf(r.data), v.version, r.data.layout);
                      onOpenChange(false);
                    }}
                  >
                    Open
                  </Button>
                  {canPublish && !v.isPublished ? (
                    <Button
                      size="sm"
                      variant="outline"
                      onClick={async () => {
                        const r = await rollbackWorkflowAction({ id: workflowId, version: v.version });
                        if (!r.ok) return void toast.error(r.error);
                        toast.success(`Rolled back to v${v.version}: published as v${r.data.version}`);
                        onRolledBack(bodyOf(r.data.workflow), r.data.version, r.data.layout);
                        onOpenChange(false);
                      }}
                    >
                      Roll back
                    </Button>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </div>
      </DialogContent>
    </Dialog>
  );
}
