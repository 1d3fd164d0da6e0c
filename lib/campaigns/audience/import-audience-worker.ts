import { parentPort } from 'node:worker_threads';
import { importAudienceRows, type ImportJob } from '@/lib/campaigns/audience/import-audience-rows';

// A worker thread of audience imports (run-audience-import.ts starts it): takes one job at a time,
// runs it, answers with the summary or the error, and waits for the next.

export type WorkerMessage =
  | { type: 'progress'; rows: number; bytes: number; totalBytes: number }
  | { type: 'done'; summary: Awaited<ReturnType<typeof importAudienceRows>> }
  | { type: 'error'; error: { name: string; message: string; status?: number; code?: number | string; issues?: unknown } };

const port = parentPort!;
port.on('message', async (job: ImportJob) => {
  try {
    const summary = await importAudienceRows(job, (p) => port.postMessage({ type: 'progress', ...p } satisfies WorkerMessage));
    port.postMessage({ type: 'done', summary } satisfies WorkerMessage);
  } catch (err) {
    const e = err as { name?: string; message?: string; status?: number; code?: number | string; issues?: unknown };
    port.postMessage({
      type: 'error',
      error: { name: e?.name ?? 'Error', message: e?.message ?? String(err), status: e?.status, code: e?.code, issues: e?.issues },
    } satisfies WorkerMessage);
  }
});
