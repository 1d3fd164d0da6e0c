import { describe, expect, it } from 'vitest';
import { validateDefinition } from './validate-definition';
import { parseDuration } from './duration';
import { REFERENCE_EXAMPLES, referenceExample } from '@/lib/automation/examples/reference-examples';

const body = (steps: unknown[]) => ({ subAccountId: 'acme_corp', trigger: 'http_request', status: 'enabled', definition: { name: 'T', steps } });
const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe('validateDefinition', () => {
  it.each(REFERENCE_EXAMPLES)('accepts the reference example %s verbatim', (name) => {
    const check = validateDefinition(referenceExample(name));
    expect(check.errors).toEqual([]);
    expect(check.body).toBeDefined();
  });

  it('normalises stepType case and warns about the missing null default of Keyword detection', () => {
    const check = validateDefinition(referenceExample('keyword-detection'));
    expect(check.body!.definition.steps[0].stepType).toBe('Branch');
    expect(check.warnings).toEqual([expect.objectContaining({ path: 'definition.steps.0.selectNextStep.others' })]);
  });

  it('refuses inputs of the wrong shape at save time instead of failing the step on every run', () => {
    const check = validateDefinition(
      body([
        { id: 's', stepType: 'SMS', inputs: { subAccountId: 42, destination: { msisdn: '+6512345678' }, text: true }, nextStepId: 'c' },
        { id: 'c', stepType: 'ChatAppsMessage', inputs: { subAccountId: ['acme_corp'], user: '+6512345678', type: 'text', content: 'hi' }, nextStepId: 'h' },
        { id: 'h', stepType: 'HttpRequest', inputs: { url: { href: 'https://example.com' }, method: 'GET' } },
      ]),
    );
    expect(paths(check.errors).sort()).toEqual(
      [
        'definition.steps.0.inputs.destination',
        'definition.steps.0.inputs.text',
        'definition.steps.1.inputs.subAccountId',
        'definition.steps.1.inputs.user',
        'definition.steps.1.inputs.content',
        'definition.steps.2.inputs.url',
      ].sort(),
    );
    expect(check.errors.find((e) => e.path === 'definition.steps.0.inputs.destination')!.message).toBe(
      'inputs.destination must be text or a {{script}}, not an object',
    );

    const scripted = validateDefinition(
      body([{ id: 'c', stepType: 'ChatAppsMessage', inputs: { user: '{{data.user}}', type: 'text', content: '{{data.content}}' } }]),
    );
    expect(scripted.errors).toEqual([]);
    expect(paths(validateDefinition(body([{ id: 'x'.repeat(101), stepType: 'JumpTo', nextStepId: 'x' }])).errors)).toContain('definition.steps.0.id');
  });

  it('names every problem with its path', () => {
    const check = validateDefinition(
      body([
        { id: 'a', stepType: 'Teleport', nextStepId: 'b' },
        { id: 'b', stepType: 'Wait', inputs: { duration: '25:00:00' }, nextStepId: 'nowhere' },
        { id: 'b', stepType: 'Branch', selectNextStep: { c: '{{x = 1}}', gone: '{{true}}' } },
        { stepType: 'JumpTo' },
        { id: 'c', stepType: 'SMS', inputs: { destination: '+6512345678', text: `{{'${'a'.repeat(1001)}'}}` } },
        {
          id: 'd',
          stepType: 'If',
          inputs: { condition: '{{ (function f(){ return f })() }}' },
          do: [[{ id: 'e', stepType: 'Wait', inputs: { duration: 'soon' }, nextStepId: 'a' }]],
        },
        { id: 'f', stepType: 'HttpRequest', inputs: { url: 'http://x', body: { n: '{{i++}}', v: '{{ (() => { let y = 1; return y })() }}' } } },
      ]),
    );
    expect(paths(check.errors)).toEqual(
      expect.arrayContaining([
        'definition.steps.0.stepType',
        'definition.steps.1.inputs.duration',
        'definition.steps.1.nextStepId',
        'definition.steps.2.id',
        'definition.steps.2.selectNextStep.c',
        'definition.steps.2.selectNextStep.gone',
        'definition.steps.3.id',
        'definition.steps.3.nextStepId',
        'definition.steps.4.inputs.text',
        'definition.steps.5.inputs.condition',
        'definition.steps.5.do.0.0.inputs.duration',
        'definition.steps.5.do.0.0.nextStepId',
        'definition.steps.6.inputs.body.n',
        'definition.steps.6.inputs.body.v',
      ]),
    );
    const msg = (p: string) =>
      check.errors
        .filter((e) => e.path === p)
        .map((e) => e.message)
        .join(' | ');
    expect(msg('definition.steps.0.stepType')).toMatch(/Unknown stepType 'Teleport'/);
    expect(msg('definition.steps.2.id')).toMatch(/Duplicate step id 'b'/);
    expect(msg('definition.steps.2.selectNextStep.c')).toMatch(/assignments are not allowed/);
    expect(msg('definition.steps.4.inputs.text')).toMatch(/maximum is 1000/);
    expect(msg('definition.steps.5.inputs.condition')).toMatch(/named/);
    expect(msg('definition.steps.6.inputs.body.n')).toMatch(/updates/);
    expect(msg('definition.steps.6.inputs.body.v')).toMatch(/declarations/);
    expect(check.body).toBeUndefined();
  });

  it('warns about unreachable steps without failing', () => {
    const check = validateDefinition(
      body([
        { id: 'a', stepType: 'Wait', inputs: { duration: '1' } },
        { id: 'lonely', stepType: 'JumpTo', nextStepId: 'a' },
      ]),
    );
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([expect.objectContaining({ path: 'definition.steps.1', message: expect.stringMatching(/lonely.*never run/) })]);
  });

  it('rejects bad body fields', () => {
    const check = validateDefinition({ subAccountId: '', trigger: 'cron', definition: { name: 'x', steps: [] } });
    expect(paths(check.errors)).toEqual(expect.arrayContaining(['subAccountId', 'trigger', 'definition.steps']));
  });
});

describe('parseDuration', () => {
  it('reads the reference formats', () => {
    expect(parseDuration('0.00:01:00')).toBe(60_000);
    expect(parseDuration('00:05:00')).toBe(300_000);
    expect(parseDuration('1.6:30:15')).toBe(((24 + 6) * 3600 + 30 * 60 + 15) * 1000);
    expect(parseDuration('5')).toBe(5 * 86_400_000);
    expect(parseDuration('00:61:00')).toBeNull();
    expect(parseDuration('soon')).toBeNull();
  });
});
