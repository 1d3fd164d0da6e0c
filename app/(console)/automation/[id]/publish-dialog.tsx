'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';

export function PublishDialog({
  open,
  onOpenChange,
  onPublish,
  blocked,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onPublish: (note: string) => Promise<boolean>;
  blocked: string | null;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Publish workflow" description="New runs start on the published version; runs in progress finish on theirs.">
        {blocked ? <p className="mb-3 text-sm text-destructive">{blocked}</p> : null}
        <Field label="What changed?" htmlFor="publish-note" help="Kept in the version history">
          <Textarea
            id="publish-note"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            placeholder="e.g. Added the billing option to the menu"
          />
        </Field>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            disabled={busy || !!blocked}
            onClick={async () => {
              setBusy(true);
              const ok = await onPublish(note.trim());
              setBusy(false);
              if (ok) {
                setNote('');
                onOpenChange(false);
              }
            }}
          >
            {busy ? 'Publishing…' : 'Publish'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
