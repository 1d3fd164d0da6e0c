import type { Issue } from '@/lib/errors';
import { issuesFromZod } from '@/lib/errors';
import { workflowBodySchema, type WorkflowBody } from './definition-schema';
import { canonicalStepType, type StepType } from './step-types';
import type { StepCheck } from '@/lib/automation/steps/define-step';
import { stepDefinition } from '@/lib/automation/steps/step-definitions';
import { DURATION_HELP, parseDuration } from './duration';
import { checkScript } from '@/lib/automation/script/check-script';
import { forEachString, hasTemplate, templateScripts } from '@/lib/automation/script/templates';

export type DefinitionCheck = { errors: Issue[]; warnings: Issue[]; body?: WorkflowBody };

type Raw = Record<string, unknown>;
type Located = { step: Raw; path: string; scope: string; type: StepType | null; id: string | null };

/**
 * Every problem of a workflow body, each with the path of the offending field
 * ("definition.steps.3.nextStepId"). Errors block saving; warnings (unreachable steps, a `null`
 * default that names no step) do not. `body` is the normalised body when there are no errors.
 */
export function validateDefinition(input: unknown): DefinitionCheck {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const parsed = workflowBodySchema.safeParse(input);
  if (!parsed.success) errors.push(...issuesFromZod(parsed.error));

  const rawSteps = (input as { definition?: { steps?: unknown } } | null)?.definition?.steps;
  if (Array.isArray(rawSteps)) checkSteps(rawSteps, errors, warnings);

  const unique = dedupe(errors);
  return { errors: unique, warnings: dedupe(warnings), body: unique.length ? undefined : parsed.data };
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isObj(v: unknown): v is Raw {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function collect(steps: unknown[], base: string, scope: string, out: Located[]) {
  steps.forEach((s, i) => {
    if (!isObj(s)) return;
    const path = `${base}.${i}`;
    const id = typeof s.id === 'string' && s.id.trim() ? s.id : null;
    const type = canonicalStepType(s.stepType);
    out.push({ step: s, path, scope, type, id });
    if (type === 'If' && Array.isArray(s.do)) {
      s.do.forEach((seq, j) => {
        if (Array.isArray(seq)) collect(seq, `${path}.do.${j}`, `${id ?? path}#${j}`, out);
      });
    }
  });
}

function checkSteps(rawSteps: unknown[], errors: Issue[], warnings: Issue[]) {
  const all: Located[] = [];
  collect(rawSteps, 'definition.steps', 'root', all);

  const byId = new Map<string, Located>();
  for (const l of all) {
    if (!l.id) continue;
    const first = byId.get(l.id);
    if (first) errors.push({ path: `${l.path}.id`, message: `Duplicate step id '${l.id}' (also used at ${first.path})` });
    else byId.set(l.id, l);
  }

  const target = (from: Located, id: string, path: string, isDefault: boolean) => {
    const to = byId.get(id);
    if (!to) {
      if (isDefault) warnings.push({ path, message: `No step has id '${id}': taking this default completes the workflow` });
      else errors.push({ path, message: `No step has id '${id}'` });
      return;
    }
    if (to.scope !== from.scope) {
      errors.push({
        path,
        message:
          from.scope === 'root'
            ? `'${id}' is inside an If step's do; jump to the If step instead`
            : `'${id}' is outside this If sequence; steps inside do may only link to steps of the same sequence`,
      });
    }
  };

  for (const l of all) {
    const s = l.step;
    if (typeof s.nextStepId === 'string') target(l, s.nextStepId, `${l.path}.nextStepId`, false);
    if (isObj(s.selectNextStep)) {
      for (const [key, cond] of Object.entries(s.selectNextStep)) target(l, key, `${l.path}.selectNextStep.${key}`, cond === null);
    }
    checkType(l, errors, warnings);
    checkScripts(l, errors);
  }

  // Reachability from the entry (the first step); steps inside `do` are reached through their If.
  const reached = new Set<Located>();
  const queue: Located[] = all.length && all[0].scope === 'root' ? [all[0]] : [];
  while (queue.length) {
    const l = queue.pop()!;
    if (reached.has(l)) continue;
    reached.add(l);
    const next: string[] = [];
    if (typeof l.step.nextStepId === 'string') next.push(l.step.nextStepId);
    if (isObj(l.step.selectNextStep)) next.push(...Object.keys(l.step.selectNextStep));
    for (const id of next) {
      const to = byId.get(id);
      if (to && to.scope === l.scope) queue.push(to);
    }
    if (l.type === 'If' && Array.isArray(l.step.do)) {
      l.step.do.forEach((_, j) => {
        const entry = all.find((x) => x.scope === `${l.id ?? l.path}#${j}`);
        if (entry) queue.push(entry);
      });
    }
  }
  for (const l of all) {
    if (!reached.has(l)) warnings.push({ path: l.path, message: `Step '${l.id ?? '?'}' can never run: no step leads to it` });
  }
}

// Inputs the runner reads as text. A number is fine (a phone number written without quotes); an
// object, list or boolean is refused here rather than failing the step on every run.
const TEXT_INPUTS = ['subAccountId', 'subaccountId', 'source', 'destination', 'text', 'url', 'method', 'type', 'dtmfRequestId'];

function checkTextInputs(l: Located, inputs: Raw, errors: Issue[]) {
  for (const key of TEXT_INPUTS) {
    const v = inputs[key];
    if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number')
      errors.push({
        path: `${l.path}.inputs.${key}`,
        message: `inputs.${key} must be text or a {{script}}, not ${Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : String(v)}`,
      });
  }
}

/** The checks a step definition's `validate` reports through, for the step at `l`. */
function stepCheck(l: Located, inputs: Raw, errors: Issue[]): StepCheck {
  const error = (field: string, message: string) => errors.push({ path: `${l.path}.${field}`, message });
  return {
    step: l.step,
    inputs,
    error,
    require(key) {
      const v = key.split('.').reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), inputs);
      if (v === undefined || v === null || v === '') error(`inputs.${key}`, `${l.type} needs inputs.${key}`);
      return v;
    },
    duration(key, value) {
      if (value === undefined || value === null) return;
      if (typeof value === 'string' && hasTemplate(value)) return;
      if (parseDuration(value) === null) error(`inputs.${key}`, `'${String(value)}' is not a duration. ${DURATION_HELP}`);
    },
    // An input that must be an object, or a {{script}} that yields one at run time.
    object(key) {
      const v = inputs[key];
      if (v === undefined || v === null || isObj(v) || (typeof v === 'string' && hasTemplate(v))) return;
      error(`inputs.${key}`, `inputs.${key} must be an object`);
    },
  };
}

function checkType(l: Located, errors: Issue[], warnings: Issue[]) {
  const s = l.step;
  const inputs = isObj(s.inputs) ? s.inputs : {};
  checkTextInputs(l, inputs, errors);
  if (l.type) stepDefinition(l.type).validate?.(stepCheck(l, inputs, errors));
  if (l.type && l.type !== 'If' && s.do != null) warnings.push({ path: `${l.path}.do`, message: `do only applies to If steps; it is ignored on ${l.type}` });
}

function checkScripts(l: Located, errors: Issue[]) {
  const s = l.step;
  const visit = (text: string, path: string) => {
    for (const script of templateScripts(text)) {
      const why = checkScript(script);
      if (why) errors.push({ path, message: `Invalid script: ${why}` });
    }
  };
  if (isObj(s.inputs)) forEachString(s.inputs, `${l.path}.inputs`, visit);
  if (isObj(s.outputs)) forEachString(s.outputs, `${l.path}.outputs`, visit);
  if (isObj(s.selectNextStep)) forEachString(s.selectNextStep, `${l.path}.selectNextStep`, visit);
}
