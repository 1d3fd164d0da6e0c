import { HELPER_SIGNATURES, STEP_RESULT_PATHS } from './known-paths';

// What a text field with {{ }} expressions offers while typing (the editor's message and text fields):
// inside an expression, every name a script can read and the helper functions; outside one, the
// data.* and step.* names, written as an expression ("{{data.reply1}}") when picked.

export type TemplateOption = { label: string; apply: string; detail: string; type: 'property' | 'function' | 'variable'; info?: string };

/** The {{ … }} expressions of one line of text, as [from, to) offsets: what the field draws as chips. */
export const TEMPLATE_CHIP = /\{\{.*?\}\}/g;

export function templateRanges(line: string): Array<[number, number]> {
  return [...line.matchAll(TEMPLATE_CHIP)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** Whether the end of `before` (the text up to the cursor) sits inside an unclosed {{ . */
export function insideExpression(before: string): boolean {
  const open = before.lastIndexOf('{{');
  return open >= 0 && open > before.lastIndexOf('}}');
}

/**
 * The completions at the end of `before` for a field that knows `paths` (data.* names): null when
 * there is nothing to offer (outside an expression, only a word starting with "data." or "step."
 * — or any word when asked explicitly, Ctrl+Space — gets names). `from` is where the replaced word starts.
 */
export function completeTemplate(before: string, paths: readonly string[], explicit = false): { from: number; options: TemplateOption[] } | null {
  const word = /[\w$.]*$/.exec(before)![0];
  const from = before.length - word.length;
  const names = [...new Set([...paths, ...STEP_RESULT_PATHS])];
  const detail = (p: string) => (p.startsWith('step.') ? 'step result' : 'data');
  if (insideExpression(before)) {
    if (!word && !explicit) return null;
    const options: TemplateOption[] = [
      ...names.map((p) => ({ label: p, apply: p, type: 'property' as const, detail: detail(p) })),
      ...HELPER_SIGNATURES.map((h) => ({ label: h.name, apply: h.signature, type: 'function' as const, detail: h.signature, info: h.info })),
      { label: 'data', apply: 'data', type: 'variable', detail: 'workflow data' },
      { label: 'step', apply: 'step', type: 'variable', detail: 'this step’s results' },
    ];
    return { from, options: options.filter((o) => o.label.startsWith(word) && o.label !== word) };
  }
  if (!explicit && !/^(data|step)\./.test(word)) return null;
  const options = names
    .filter((p) => p.startsWith(word) && p !== word)
    .map((p) => ({ label: p, apply: `{{${p}}}`, type: 'property' as const, detail: detail(p) }));
  return options.length ? { from, options } : null;
}
