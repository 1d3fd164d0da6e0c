'use client';

import { useState } from 'react';
import { Copy, Download } from 'lucide-react';
import { toast } from 'sonner';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { workflowToNodes } from '@/lib/automation/graph/workflow-to-nodes';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';

/** Accepts a whole 8x8 workflow, or just its definition ({ name, steps }), or a steps array. */
export function parseImport(text: string): { workflow: WorkflowJson } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { error: `Not valid JSON: ${(err as Error).message}` };
  }
  let wf: WorkflowJson;
  if (Array.isArray(raw)) wf = { definition: { name: 'Imported workflow', steps: raw } };
  else if (raw && typeof raw === 'object' && 'definition' in raw) wf = raw as WorkflowJson;
  else if (raw && typeof raw === 'object' && 'steps' in raw) wf = { definition: raw as WorkflowJson['definition'] };
  else return { error: 'Expected an 8x8 workflow: { "trigger", "subAccountId", "definition": { "name", "steps": [...] } }' };
  try {
    workflowToNodes(wf);
  } catch (err) {
    return { error: (err as Error).message };
  }
  return { workflow: wf };
}

// What to paste, shown in the empty field (an export from another Parley or from 8x8 has this shape).
const IMPORT_PLACEHOLDER = '{\n  "trigger": "inbound_chat_apps",\n  "subAccountId": "…",\n  "definition": { "name": "…", "steps": [ … ] }\n}';

export function ImportDialog({ open, onOpenChange, onImport }: { open: boolean; onOpenChange: (o: boolean) => void; onImport: (wf: WorkflowJson) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const r = parseImport(text);
    if ('error' in r) return setError(r.error);
    onImport(r.workflow);
    setText('');
    setError(null);
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Import workflow JSON"
        description="Paste or choose a file in the 8x8 workflow format. It replaces the canvas (undo brings it back)."
        className="max-w-2xl"
      >
        <Field label="Workflow JSON" htmlFor="import-json" error={error}>
          <Textarea
            id="import-json"
            rows={14}
            className="font-mono text-xs"
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            aria-invalid={!!error}
            placeholder={IMPORT_PLACEHOLDER}
          />
        </Field>
        <label className="mt-3 block text-sm">
          <span className="sr-only">Choose a JSON file</span>
          <input
            type="file"
            accept="application/json,.json"
            // The browser's own file button is unstyled (white on the dark theme's card): drawn as an outline button.
            className="text-xs text-muted-foreground file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-input file:bg-card file:px-3 file:py-1.5 file:text-sm file:text-foreground hover:file:bg-muted"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) setText(await f.text());
            }}
          />
        </label>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button onClick={submit}>Import</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function ExportDialog({ open, onOpenChange, workflow }: { open: boolean; onOpenChange: (o: boolean) => void; workflow: WorkflowJson | null }) {
  const text = workflow ? JSON.stringify(workflow, null, 2) : '';
  const name = (workflow?.definition?.name || 'workflow').replace(/[^\w.-]+/g, '_');
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Export workflow JSON"
        description="The 8x8 workflow format: POST it to /accounts/{accountId}/workflows or import it elsewhere."
        className="max-w-2xl"
      >
        <Textarea aria-label="Exported JSON" readOnly rows={16} className="font-mono text-xs" value={text} data-testid="export-json" />
        <DialogFooter>
          <Button
            variant="outline"
            onClick={() =>
              navigator.clipboard?.writeText(text).then(
                () => toast.success('Copied'),
                () => toast.error('Could not copy'),
              )
            }
          >
            <Copy /> Copy
          </Button>
          <Button
            onClick={() => {
              const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
              const a = document.createElement('a');
              a.href = url;
              a.download = `${name}.json`;
              a.click();
              URL.revokeObjectURL(url);
            }}
          >
            <Download /> Download
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
