import { parseDuration } from '@/lib/automation/definition/duration';
import { defineExecutor } from './define-executor';
import { waitDefinition } from './wait-definition';

/** Wait: a durable timer; the runner's background task resumes the instance when it is due. */
export const waitStep = defineExecutor(waitDefinition, {
  async run(_ctx, { duration }) {
    const ms = parseDuration(duration);
    if (ms === null) return { kind: 'fail', error: `Invalid duration '${String(duration)}': use d.HH:mm:ss, HH:mm:ss or a number of days` };
    return { kind: 'wait', wait: { kind: 'timer', until: new Date(Date.now() + ms) } };
  },
  resume() {
    return { kind: 'done', results: {} };
  },
});
