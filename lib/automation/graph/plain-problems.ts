import { stepIdAtPath } from './problem-locations';
import { isBranchOnly } from './step-catalog';
import type { StepJson, WorkflowJson } from './types';

// The editor's Problems panel, in the words of someone building a bot. The checks themselves are
// the API's (validateDefinition, whose messages name JSON paths for API clients); this reads them
// for the editor, and adds what the editor warns about on top: a Branch that ends the workflow
// silently when none of its paths matches.

export type Issue = { path: string; message: string };
export type PlainProblem = { level: 'error' | 'warning'; stepId: string | null; text: string; path: string };

/** What a missing input is, by its key, for "'greeting' needs a recipient". */
const INPUT_NAMES: Record<string, string> = {
  user: 'a recipient (user)',
  content: 'a message (content or template)',
  text: 'a text',
  destination: 'a destination number',
  'params.destination': 'a number to call',
  url: 'a URL',
  condition: 'a condition',
  duration: 'a duration',
  dtmfRequestId: 'the voice message step whose key presses it waits for',
};

const FIELD_NAMES: Record<string, string> = {
  'inputs.content.text': 'the message text',
  'inputs.text': 'the text',
  'inputs.url': 'the URL',
  'inputs.user.msisdn': 'the recipient',
  'inputs.destination': 'the destination',
  'inputs.condition': 'the condition',
  'inputs.from': 'who to wait for',
};

/** The part of a problem path after its step ("inputs.content.text"), or the whole path for the workflow's own fields. */
function fieldOf(path: string): string {
  const m = /^definition\.steps\.\d+(?:\.do\.\d+\.\d+)*\.?(.*)$/.exec(path);
  return m ? m[1]! : path;
}

function fieldName(field: string): string {
  if (FIELD_NAMES[field]) return FIELD_NAMES[field]!;
  if (field.startsWith('outputs.')) return `the output '${field.slice(8)}'`;
  if (field.startsWith('selectNextStep.')) return `the condition of the path to '${field.slice(15)}'`;
  return field.replace(/^inputs\./, '');
}

/** Problems about the workflow itself (not a step): what to do, when the check only says what is missing. */
const WORKFLOW_FIELDS: Record<string, { label: string; missing: string }> = {
  'definition.name': { label: 'The workflow’s name', missing: 'Give the workflow a name' },
  trigger: { label: 'The trigger', missing: 'Choose what starts the workflow (its trigger)' },
  subAccountId: { label: 'The trigger’s subaccount', missing: 'Choose the subaccount whose messages start the workflow' },
  'definition.steps': { label: 'The steps', missing: 'Add a step: a workflow needs at least one' },
};

function reword(workflow: WorkflowJson, issue: Issue): string {
  const step = stepIdAtPath(workflow, issue.path);
  const field = fieldOf(issue.path);
  const m = issue.message;
  let r: RegExpExecArray | null;
  if (!step) {
    const n = /^definition\.steps\.(\d+)/.exec(issue.path);
    if (n && issue.path !== 'definition.steps') return `Step ${Number(n[1]) + 1} (it has no name): ${m.replace(/\bid is required/, 'give it a name')}`;
    const what = WORKFLOW_FIELDS[issue.path];
    if (!what) return m;
    return / is required$|needs at least one/.test(m) ? what.missing : `${what.label}: ${m.replace(/^\w+ must/, 'must')}`;
  }
  const s = `'${step}'`;
  if ((r = /^No step has id '(.*)': taking this default completes the workflow$/.exec(m)))
    return `The “otherwise” path of ${s} goes to '${r[1]}', which is not a step: taking it ends the workflow`;
  if ((r = /^No step has id '(.*)'$/.exec(m)))
    return field === 'nextStepId' ? `${s} goes to '${r[1]}', which is not a step` : `A path of ${s} goes to '${r[1]}', which is not a step`;
  if ((r = /^Step '(.*)' can never run: no step leads to it$/.exec(m))) return `'${r[1]}' never runs: no step leads to it`;
  if ((r = /^Duplicate step id '(.*)'/.exec(m))) return `Two steps are called '${r[1]}': rename one`;
  if ((r = /^'(.*)' is inside an If step's do; jump to the If step instead$/.exec(m)))
    return `${s} goes to '${r[1]}', which is one of an If’s “then” steps: go to the If step instead`;
  if ((r = /^'(.*)' is outside this If sequence/.exec(m)))
    return `${s} is one of an If’s “then” steps and goes to '${r[1]}' outside them: steps inside may only go to steps of the same sequence`;
  if (/^Branch needs selectNextStep/.test(m)) return `Branch ${s} has no path to a step yet: connect its paths to the steps they lead to`;
  if (/^JumpTo needs nextStepId/.test(m)) return `${s} does not say where to jump to`;
  if (/^If needs do/.test(m)) return `If ${s} has no steps to run when its condition is true`;
  if (/^A sequence needs at least one step$/.test(m)) return `One of the “then” boxes of If ${s} is empty: drop a step into it`;
  if ((r = /^\w+ needs inputs\.(.+)$/.exec(m))) return `${s} needs ${INPUT_NAMES[r[1]!] ?? r[1]}`;
  if ((r = /^'(.*)' is not a duration\./.exec(m))) return `${s}: '${r[1]}' is not a duration; write 00:05:00 for five minutes, or a number of days`;
  if ((r = /^Invalid script: (.*)$/s.exec(m))) return `An expression in ${fieldName(field)} of ${s} cannot run: ${r[1]}`;
  if ((r = /^inputs\.(\w+) must be (.*)$/.exec(m))) return `${s}: ${r[1]} must be ${r[2]!.replace('{{script}}', 'a {{ }} expression')}`;
  return `${s}: ${m.replace(/\binputs\./g, '')}`;
}

/** The workflow's Branch steps (at any depth) that have no "otherwise" path. */
function branchesWithoutDefault(steps: StepJson[] | undefined, base = 'definition.steps', out: Issue[] = []): Issue[] {
  (steps ?? []).forEach((s, i) => {
    if (!s || typeof s !== 'object') return;
    const path = `${base}.${i}`;
    const select = s.selectNextStep;
    if (isBranchOnly(s.stepType) && select && typeof select === 'object' && Object.keys(select).length && !Object.values(select).some((c) => c === null))
      out.push({ path: `${path}.selectNextStep`, message: `Branch '${s.id}' has no path for when nothing matches: the workflow ends there` });
    (s.do ?? []).forEach((seq, j) => branchesWithoutDefault(Array.isArray(seq) ? seq : [], `${path}.do.${j}`, out));
  });
  return out;
}

/**
 * Every problem of a workflow as the Problems panel lists it, errors first: each worded for the
 * person building it, with the step it is about. Its length is the count the editor shows.
 */
export function plainProblems(workflow: WorkflowJson, errors: Issue[], warnings: Issue[]): PlainProblem[] {
  const own = branchesWithoutDefault(workflow.definition?.steps);
  return [
    ...errors.map((i) => ({ level: 'error' as const, stepId: stepIdAtPath(workflow, i.path), text: reword(workflow, i), path: i.path })),
    ...warnings.map((i) => ({ level: 'warning' as const, stepId: stepIdAtPath(workflow, i.path), text: reword(workflow, i), path: i.path })),
    ...own.map((i) => ({ level: 'warning' as const, stepId: stepIdAtPath(workflow, i.path), text: i.message, path: i.path })),
  ];
}
