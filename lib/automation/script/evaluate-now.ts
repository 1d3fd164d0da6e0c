import { checkScript } from './check-script';
import { loadSandbox, runScript, ScriptError } from './sandbox';
import { replaceTemplates, singleTemplate } from './templates';

export { loadSandbox };

/** `data` (workflow context) and `step` (the current step's results): make a new object when either changes, never mutate one in place (the sandbox keeps its copy while the object is the same). */
export type ScriptScope = { data: unknown; step: unknown };

/** A script failed: the step fails with this message (as the 8x8 runner words it). */
export class ScriptEvaluationError extends Error {
  constructor(
    readonly script: string,
    detail: string,
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

function run(script: string, scope: ScriptScope): unknown {
  check(script);
  try {
    return runScript(script, scope.data, scope.step);
  } catch (err) {
    if (err instanceof ScriptError) throw new ScriptEvaluationError(script, err.message);
    throw err;
  }
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** One string: exactly one `{{...}}` yields the typed value, otherwise templates are replaced as text. */
export function evaluateString(text: string, scope: ScriptScope): unknown {
  if (!text.includes('{{')) return text;
  const single = singleTemplate(text);
  if (single !== null) return run(single, scope);
  return replaceTemplates(text, (script) => asText(run(script, scope)));
}

/** Every string inside a JSON value evaluated (inputs, bodies, outputs). Synchronous: nothing interleaves. */
export function evaluateValue(value: unknown, scope: ScriptScope): unknown {
  if (typeof value === 'string') return evaluateString(value, scope);
  if (Array.isArray(value)) return value.map((v) => evaluateValue(v, scope));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluateValue(v, scope);
    return out;
  }
  return value;
}

/** A condition: a script's truthiness (JS rules); a plain string is true unless empty/"false". */
export function evaluateCondition(text: string | null | undefined, scope: ScriptScope): boolean {
  if (text === null || text === undefined) return false;
  const v = evaluateString(text, scope);
  if (typeof v === 'string' && singleTemplate(text) === null) return v !== '' && v.toLowerCase() !== 'false';
  return Boolean(v);
}
