'use client';

import { useEffect, useRef, useState } from 'react';
import { useTheme } from 'next-themes';
import { Play, Send, X } from 'lucide-react';
import { toast } from 'sonner';
import type { RunPath } from '@/components/flow-editor/flow-editor';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { MessageView } from '@/components/simulator/message-view';
import type { ReplyChoice } from '@/components/simulator/interactive-bubble';
import { WA_COLORS, WaThemeProvider } from '@/components/whatsapp-preview/wa-theme';
import { instancePathAction, startTestRunAction, testRunReplyAction } from '../actions';
import type { InstancePath } from '@/lib/automation/test-run';

const TONE: Record<string, 'success' | 'warning' | 'danger' | 'info' | 'neutral'> = {
  completed: 'success',
  waiting: 'warning',
  failed: 'danger',
  running: 'info',
  cancelled: 'neutral',
};

/**
 * Test run beside the canvas: a Simulator customer writes in (or an HTTP body arrives), the path
 * lights up on the graph as the runner goes, and each executed step shows its evaluated inputs and
 * outputs. Also opens a past instance (from Runs) the same way.
 */
export function TestRunPanel({
  workflowId,
  workflow,
  onClose,
  onPath,
  flush,
  onFocus,
  instanceId: initialInstance,
}: {
  workflowId: string;
  workflow: WorkflowJson;
  onClose: () => void;
  onPath: (p: RunPath | null) => void;
  flush: () => Promise<number | null>;
  onFocus: (stepId: string) => void;
  instanceId?: string | null;
}) {
  const http = workflow.trigger === 'http_request';
  const [msisdn, setMsisdn] = useState('+6591234567');
  const [text, setText] = useState('Hi');
  const [body, setBody] = useState('{\n  "price": "10",\n  "item": "vacuum"\n}');
  const [reply, setReply] = useState('');
  const [instanceId, setInstanceId] = useState<string | null>(initialInstance ?? null);
  const [run, setRun] = useState<InstancePath | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const onPathRef = useRef(onPath);
  onPathRef.current = onPath;

  useEffect(() => {
    if (!instanceId) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const r = await instancePathAction({ instanceId });
      if (!live) return;
      if (!r.ok) return void toast.error(r.error);
      setRun(r.data);
      const visited = r.data.steps.map((s) => s.stepId);
      const failed = r.data.status === 'failed' ? (r.data.steps.at(-1)?.stepId ?? null) : null;
      onPathRef.current({ visited, current: r.data.status === 'waiting' || r.data.status === 'running' ? r.data.currentStepId : null, failed });
      if (r.data.status === 'running' || r.data.status === 'waiting') timer = setTimeout(poll, r.data.status === 'running' ? 400 : 1000);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [instanceId]);

  const start = async () => {
    setBusy(true);
    try {
      const version = await flush();
      if (version == null) return void toast.error('Fix the problems first: only a saved, valid workflow can run');
      let parsed: Record<string, unknown> | undefined;
      if (http) {
        try {
          parsed = JSON.parse(body);
        } catch (err) {
          return void toast.error(`The body is not valid JSON: ${(err as Error).message}`);
        }
      }
      const r = await startTestRunAction({ workflowId, mode: http ? 'http' : 'inbound', msisdn, text, body: parsed });
      if (!r.ok) return void toast.error(r.error);
      setRun(null);
      setInstanceId(r.data.instanceId);
    } finally {
      setBusy(false);
    }
  };

  /** The customer answers: typed, or a tapped reply button or list row (which WhatsApp sends with its id). */
  const sendReply = async (text: string, choice?: ReplyChoice) => {
    if (!text.trim()) return;
    const r = await testRunReplyAction({
      subAccountId: String(workflow.subAccountId ?? ''),
      channel: workflow.trigger === 'inbound_sms' ? 'sms' : 'whatsapp',
      msisdn,
      text,
      ...(choice ? { reply: choice } : {}),
    });
    if (!r.ok) return void toast.error(r.error);
    if (!choice) setReply('');
    if (instanceId) setInstanceId(null), setTimeout(() => setInstanceId(instanceId), 0);
  };
  // Taps answer only a live test run that waits for the customer; a past run (from Runs) is for reading.
  const canAnswer = run?.status === 'waiting' && !http && !initialInstance;
  const onTap = (choice: ReplyChoice) => {
    if (canAnswer) void sendReply(choice.title, choice);
    else toast.info(initialInstance ? 'This is a past run: start a test run to answer as the customer' : 'The run is not waiting for a reply');
  };
  const { resolvedTheme } = useTheme();
  const wa = resolvedTheme === 'dark' ? 'dark' : 'light';

  return (
    // Beside the canvas; under it on a phone-width screen.
    <aside
      className="flex max-h-[45%] w-full shrink-0 flex-col overflow-hidden rounded-lg border bg-card md:max-h-none md:w-72"
      aria-label="Test run"
      data-testid="test-run-panel"
    >
      <header className="flex items-center gap-2 border-b px-3 py-2">
        <Play className="size-4 text-muted-foreground" />
        <h2 className="text-sm font-semibold">{initialInstance ? 'Run' : 'Test run'}</h2>
        {run ? (
          <Badge tone={TONE[run.status] ?? 'neutral'} data-testid="run-status">
            {run.status}
          </Badge>
        ) : null}
        <button
          type="button"
          aria-label="Close test run"
          className="ml-auto text-muted-foreground hover:text-foreground"
          onClick={() => {
            onPath(null);
            onClose();
          }}
        >
          <X className="size-4" />
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-3 overflow-y-auto p-3">
        {!initialInstance ? (
          http ? (
            <Field label="HTTP body (JSON)" htmlFor="test-body" help="Becomes data, as a POST to the trigger URL would">
              <Textarea id="test-body" rows={5} className="font-mono text-xs" value={body} onChange={(e) => setBody(e.target.value)} />
            </Field>
          ) : (
            // One field a row: two side by side in this 288 px column wrapped "Simulator customer" onto
            // two lines, so the two inputs sat at different heights and the number was cut.
            <div className="space-y-3">
              <Field label="Simulator customer" htmlFor="test-msisdn">
                <Input id="test-msisdn" value={msisdn} onChange={(e) => setMsisdn(e.target.value)} />
              </Field>
              <Field label="First message" htmlFor="test-text">
                <Input id="test-text" value={text} onChange={(e) => setText(e.target.value)} />
              </Field>
            </div>
          )
        ) : null}
        {!initialInstance ? (
          <Button size="sm" onClick={start} disabled={busy} className="w-full">
            <Play /> {run ? 'Run again' : 'Start test run'}
          </Button>
        ) : null}
        {run?.error ? <p className="rounded-md bg-red-50 p-2 text-xs text-destructive dark:bg-red-500/10">{run.error}</p> : null}
        {run ? (
          <ol className="space-y-1" data-testid="run-steps">
            {run.steps.map((s) => (
              <li key={s.seq} className="rounded-md border text-xs">
                <button
                  type="button"
                  className="flex w-full items-center gap-2 px-2 py-1 text-left hover:bg-muted"
                  onClick={() => (onFocus(s.stepId), setOpen(open === s.seq ? null : s.seq))}
                >
                  <span className="w-5 text-muted-foreground">{s.seq}</span>
                  <span className="min-w-0 flex-1 truncate font-medium">{s.stepId}</span>
                  <Badge tone={TONE[s.status] ?? 'neutral'}>{s.status}</Badge>
                </button>
                {open === s.seq ? (
                  <div className="space-y-1 border-t p-2">
                    {s.error ? <p className="text-destructive">{s.error}</p> : null}
                    <div className="font-medium">Inputs</div>
                    <pre className="max-h-40 overflow-auto rounded bg-muted p-1.5 text-[10px]">{JSON.stringify(s.inputs, null, 2)}</pre>
                    <div className="font-medium">Outputs</div>
                    <pre className="max-h-40 overflow-auto rounded bg-muted p-1.5 text-[10px]">{JSON.stringify(s.outputs, null, 2)}</pre>
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
        {run && run.messages.length ? (
          // The conversation as the customer's phone shows it (the Simulator's bubbles): buttons and
          // list rows can be tapped to answer while the run waits.
          <WaThemeProvider value={wa}>
            <div className="flex flex-col gap-1.5 rounded-lg p-2 text-[13px]" style={{ background: WA_COLORS[wa].wallpaper }} data-testid="run-messages">
              {run.messages.map((m) => (
                <MessageView key={m.umid} m={m} onReply={onTap} onKey={() => undefined} />
              ))}
            </div>
          </WaThemeProvider>
        ) : null}
        {canAnswer ? (
          <form
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void sendReply(reply);
            }}
          >
            <Input aria-label="Reply as the customer" placeholder="Reply as the customer" value={reply} onChange={(e) => setReply(e.target.value)} />
            <Button type="submit" size="icon" aria-label="Send reply">
              <Send />
            </Button>
          </form>
        ) : null}
      </div>
    </aside>
  );
}
