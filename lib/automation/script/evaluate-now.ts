import { checkScript } from './check-script';
import { runScript, ScriptError, ScriptInterrupted } from './sandbox';
import { replaceTemplates, singleTemplate } from './templates';

// Synchronous evaluation in this thread's sandbox. Each script may take SCRIPT_TIMEOUT_MS, or only
// `sliceMs` when given: then running out throws ScriptInterrupted instead of failing the script.
// evaluate.ts decides where scripts run (here, or in a worker of script-pool.ts, which calls these too).

/** `data` (workflow context) and `step` (the current step's results): make a new object when either changes, never mutate one in place (the sandbox keeps its copy while the object is the same). */
export type ScriptScope = { data: unknown; step: unknown };

/** A script failed: the step fails with this message (as the 8x8 runner words it). */
export class ScriptEvaluationError extends Error {
  constructor(
    readonly script: string,
    readonly detail: string,
  ) {
    super(`Failed to evaluate the expression. Error: ${detail}`);
  }
}

const checked = new Map<string, string | null>();
function check(script: string): void {
  let why = checked.get(script);
  if (why === undefined) {
    why = checkScript(script);
    if (checked.size > 10_000) checked.clear();
    checked.set(script, why);
  }
  if (why) throw new ScriptEvaluationError(script, why);
}

function run(script: string, scope: ScriptScope, sliceMs: number | undefined): unknown {
  check(script);
  try {
    return runScript(script, scope.data, scope.step, sliceMs);
  } catch (err) {
    // A slice running out is not the script's failure: evaluate.ts runs it again with its full time.
    if (err instanceof ScriptInterrupted && sliceMs !== undefined) throw err;
    if (err instanceof ScriptError) throw new ScriptEvaluationError(script, err.message);
    throw err;
  }
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One string: exactly one `{{...}}` yields the typed value, otherwise templates are replaced as text. */
export function evaluateStringNow(text: string, scope: ScriptScope, sliceMs?: number): unknown {
  if (!text.includes('{{')) return text;
  const single = singleTemplate(text);
  if (single !== null) return run(single, scope, sliceMs);
  return replaceTemplates(text, (script) => asText(run(script, scope, sliceMs)));
}

/** Every string inside a JSON value evaluated (inputs, bodies, outputs). Synchronous: nothing interleaves. */
export function evaluateValueNow(value: unknown, scope: ScriptScope, sliceMs?: number): unknown {
  if (typeof value === 'string') return evaluateStringNow(value, scope, sliceMs);
  if (Array.isArray(value)) return value.map((v) => evaluateValueNow(v, scope, sliceMs));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluateValueNow(v, scope, sliceMs);
    return out;
  }
  return value;
}

/** A condition: a script's truthiness (JS rules); a plain string is true unless empty/"false". */
export function evaluateConditionNow(text: string | null | undefined, scope: ScriptScope, sliceMs?: number): boolean {
  if (text === null || text === undefined) return false;
  const v = evaluateStringNow(text, scope, sliceMs);
  if (typeof v === 'string' && singleTemplate(text) === null) return v !== '' && v.toLowerCase() !== 'false';
  return Boolean(v);
}
