import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '@/lib/automation/definition/validate-definition';
import { plainProblems } from './plain-problems';
import type { WorkflowJson } from './types';

const load = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', f), 'utf8')) as WorkflowJson;
const problemsOf = (wf: WorkflowJson) => {
  const { errors, warnings } = validateDefinition(wf);
  return plainProblems(wf, errors, warnings);
};

describe('the Problems panel’s words', () => {
  it('says what is wrong in the words of the person building the bot, about the step it concerns', () => {
    const send = load('chat-apps-auto-reply.json').definition.steps[0]!;
    const wf: WorkflowJson = {
      subAccountId: 'acme_corp',
      trigger: 'inbound_chat_apps',
      definition: {
        name: 'Problems',
        steps: [
          { id: 'route', stepType: 'Branch', selectNextStep: { send_CA: "{{stringContains(data.payload.content.text, 'hi', true)}}" } },
          { ...send, nextStepId: 'nowhere', outputs: { x: '{{data.a = 1}}' } },
          { id: 'lonely', stepType: 'Wait', inputs: { duration: 'soon' } },
          { id: 'sms', stepType: 'SMS', inputs: {} },
        ],
      },
    };
    const list = problemsOf(wf);
    const text = list.map((p) => p.text);
    expect(text).toContain("Branch 'route' has no path for when nothing matches: the workflow ends there");
    expect(text).toContain("'send_CA' goes to 'nowhere', which is not a step");
    expect(text).toContain("'lonely' never runs: no step leads to it");
    expect(text).toContain("'lonely': 'soon' is not a duration; write 00:05:00 for five minutes, or a number of days");
    expect(text).toContain("'sms' needs a destination number");
    expect(text).toContain("An expression in the output 'x' of 'send_CA' cannot run: assignments are not allowed");
    // No JSON paths or API field names in what is said; each problem names its step.
    for (const t of text) expect(t).not.toMatch(/definition\.steps|selectNextStep|nextStepId|inputs\./);
    expect(list.find((p) => p.text.startsWith("Branch 'route'"))).toMatchObject({ level: 'warning', stepId: 'route' });
    expect(list.filter((p) => p.level === 'error').every((p) => p.stepId)).toBe(true);
  });

  it('lists every error and warning once, errors first, so its length is the count shown', () => {
    const wf = load('keyword-detection.json');
    (wf.definition.steps[2] as Record<string, unknown>).nextStepId = 'nowhere';
    const { errors, warnings } = validateDefinition(wf);
    const list = plainProblems(wf, errors, warnings);
    expect(list).toHaveLength(errors.length + warnings.length);
    expect(list.map((p) => p.level)).toEqual([...errors.map(() => 'error'), ...warnings.map(() => 'warning')]);
  });

  it('has nothing to say about reference examples, but that the menu ends on an answer it does not know', () => {
    for (const f of ['out-of-office-country-branch.json', 'chat-apps-auto-reply.json']) expect(problemsOf(load(f)), f).toEqual([]);
    // The validator's own warning, reworded: the reference's "others": null names no step.
    expect(problemsOf(load('keyword-detection.json')).map((p) => p.text)).toEqual([
      "The “otherwise” path of 'keyword' goes to 'others', which is not a step: taking it ends the workflow",
    ]);
    // The menu's Branch has no "otherwise" path: a reply other than 1 to 5 ends the workflow without a word.
    expect(problemsOf(load('menu-using-wait-for-reply.json')).map((p) => p.text)).toEqual([
      "Branch 'success' has no path for when nothing matches: the workflow ends there",
    ]);
  });

  it('words problems of the workflow itself as what to do', () => {
    const list = problemsOf({ definition: { name: '', steps: [] } } as unknown as WorkflowJson).map((p) => p.text);
    expect(list).toEqual(
      expect.arrayContaining([
        'Give the workflow a name',
        'Add a step: a workflow needs at least one',
        'Choose the subaccount whose messages start the workflow',
      ]),
    );
  });
});
