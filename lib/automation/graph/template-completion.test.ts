import { describe, expect, it } from 'vitest';
import { completeTemplate, insideExpression, templateRanges } from './template-completion';

const paths = ['data.payload.content.text', 'data.payload.user.msisdn', 'data.reply1'];
const labels = (r: ReturnType<typeof completeTemplate>) => r?.options.map((o) => o.label) ?? [];

describe('text fields with {{ }} expressions', () => {
  it('finds each expression of a line, for the chips', () => {
    const line = "Hi {{data.payload.user.name}}, it's {{ uuid() }} o'clock {{ not closed";
    expect(templateRanges(line).map(([a, b]) => line.slice(a, b))).toEqual(['{{data.payload.user.name}}', '{{ uuid() }}']);
    expect(templateRanges('no expressions here')).toEqual([]);
  });

  it('knows when the cursor is inside an expression', () => {
    expect(insideExpression('Hello {{data.')).toBe(true);
    expect(insideExpression('Hello {{data.x}} and ')).toBe(false);
    expect(insideExpression('Hello data.')).toBe(false);
  });

  it('inside an expression, offers every name and helper that starts with the word', () => {
    const r = completeTemplate('Reply: {{data.payload.con', paths)!;
    expect(r.from).toBe('Reply: {{'.length);
    expect(labels(r)).toEqual(['data.payload.content.text']);
    expect(r.options[0]!.apply).toBe('data.payload.content.text');
    expect(labels(completeTemplate('{{isC', paths))).toEqual(['isCountryCode']);
    expect(completeTemplate('{{isC', paths)!.options[0]!.apply).toMatch(/^isCountryCode\(/);
    expect(labels(completeTemplate('{{step.u', paths))).toContain('step.umid');
    expect(completeTemplate('{{', paths)).toBeNull();
    expect(labels(completeTemplate('{{', paths, true)).length).toBeGreaterThan(paths.length);
  });

  it('outside an expression, offers data. and step. names only, written as an expression', () => {
    const r = completeTemplate('Your number is data.payload.u', paths)!;
    expect(r.from).toBe('Your number is '.length);
    expect(r.options.map((o) => o.apply)).toEqual(['{{data.payload.user.msisdn}}']);
    expect(labels(completeTemplate('sent as step.', paths))).toContain('step.umid');
    // Ordinary words are text: nothing pops up while writing a message.
    expect(completeTemplate('Hello there, your data', paths)).toBeNull();
    expect(completeTemplate('Hello da', paths)).toBeNull();
  });
});
