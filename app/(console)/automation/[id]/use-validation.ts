'use client';

import { useEffect, useRef, useState } from 'react';
import { validateDefinition } from '@/lib/automation/definition/validate-definition';
import { plainProblems } from '@/lib/automation/graph/plain-problems';
import { problemsByStep } from '@/lib/automation/graph/problem-locations';
import type { WorkflowJson } from '@/lib/automation/graph/types';
import type { ValidationReply, ValidationRequest } from './validate-workflow.worker';

type Issue = { path: string; message: string };

export type Validation = {
  /** 1 for the workflow the page opened with, then one more per edit checked. */
  seq: number;
  /** The workflow these results are about (problem paths point into it). */
  workflow: WorkflowJson;
  errors: Issue[];
  warnings: Issue[];
  /** Error messages by step id, to draw on the nodes. */
  byStep: Map<string, string[]>;
};

/**
 * Checks each version of the workflow in a Web Worker and answers with the results for the latest
 * one (older answers are dropped). Without a worker (an old browser, a failed load) it checks on
 * the page, a task after the edit.
 */
export function useValidation(workflow: WorkflowJson): Validation | null {
  const [result, setResult] = useState<Validation | null>(null);
  const worker = useRef<Worker | null | undefined>(undefined);
  const sent = useRef(new Map<number, WorkflowJson>());
  const seq = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = undefined;
    },
    [],
  );

  useEffect(() => {
    const n = ++seq.current;
    const accept = (reply: ValidationReply) => {
      const wf = sent.current.get(reply.seq);
      for (const k of sent.current.keys()) if (k <= reply.seq) sent.current.delete(k);
      if (!wf || reply.seq !== seq.current) return;
      // The nodes show their errors in the Problems panel's words.
      const worded = plainProblems(wf, reply.errors, [])
        .filter((p) => p.level === 'error')
        .map((p) => ({ path: p.path, message: p.text }));
      setResult({ seq: reply.seq, workflow: wf, errors: reply.errors, warnings: reply.warnings, byStep: problemsByStep(wf, worded) });
    };
    const onPage = (req: ValidationRequest) => setTimeout(() => accept({ seq: req.seq, ...validateDefinition(req.workflow) }), 0);
    if (worker.current === undefined) {
      try {
        worker.current = new Worker(new URL('./validate-workflow.worker.ts', import.meta.url), { type: 'module' });
        worker.current.onmessage = (e: MessageEvent<ValidationReply>) => accept(e.data);
        worker.current.onerror = () => {
          worker.current?.terminate();
          worker.current = null;
          for (const [k, wf] of sent.current) onPage({ seq: k, workflow: wf });
        };
      } catch {
        worker.current = null;
      }
    }
    sent.current.set(n, workflow);
    const req: ValidationRequest = { seq: n, workflow };
    if (worker.current) worker.current.postMessage(req);
    else onPage(req);
  }, [workflow]);

  return result;
}
