// Validates workflows off the main thread: checking a 300-step workflow (every script parsed) takes
// 100-200 ms, which on the page would hold up the next click or drag frame after every edit.
import { validateDefinition } from '@/lib/automation/definition/validate-definition';

export type ValidationRequest = { seq: number; workflow: unknown };
export type ValidationReply = { seq: number; errors: Array<{ path: string; message: string }>; warnings: Array<{ path: string; message: string }> };

self.onmessage = (e: MessageEvent<ValidationRequest>) => {
  const { errors, warnings } = validateDefinition(e.data.workflow);
  self.postMessage({ seq: e.data.seq, errors, warnings } satisfies ValidationReply);
};
