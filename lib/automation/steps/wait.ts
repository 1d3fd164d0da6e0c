import { parseDuration } from '@/lib/automation/definition/duration';
import type { Executor } from '@/lib/automation/runner/types';

/** Wait: a durable timer; the runner's background task resumes the instance when it is due. */
export const waitStep: Executor = {
  async run(ctx) {
    const ms = parseDuration(ctx.inputs.duration);
    if (ms === null) return { kind: 'fail', error: `Invalid duration '${String(ctx.inputs.duration)}': use d.HH:mm:ss, HH:mm:ss or a number of days` };
    return { kind: 'wait', wait: { kind: 'timer', until: new Date(Date.now() + ms) } };
  },
  resume() {
    return { kind: 'done', results: {} };
  },
};
