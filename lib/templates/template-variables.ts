// Helpers for {{n}} variables, shared by the rules, the renderer and the send checks.

const VARIABLE = /\{\{\s*(\d+)\s*\}\}/g;

/** The variable numbers in order of appearance, e.g. "Hi {{1}}, {{2}} and {{1}}" → [1, 2, 1]. */
export function variablesIn(text: string | undefined | null): number[] {
  if (!text) return [];
  return [...text.matchAll(VARIABLE)].map((m) => Number(m[1]));
}

/** How many distinct variables a text uses: the number of values a send must supply. */
export function variableCount(text: string | undefined | null): number {
  return new Set(variablesIn(text)).size;
}

/** Replaces {{n}} with values[n-1]; a missing value keeps the raw {{n}}. */
export function fillVariables(text: string, values: (string | undefined)[]): string {
  return text.replace(VARIABLE, (raw, n: string) => values[Number(n) - 1] ?? raw);
}

/** Text that looks like a variable but is not written {{1}}: {{name}}, {1}, {{ 1 }, [[1]]. */
export function malformedVariables(text: string): string[] {
  const withoutGood = text.replace(VARIABLE, '');
  return withoutGood.match(/\{\{[^}]*\}\}|\{\{[^}]*$|\{\d+\}|\{\{|\}\}/g) ?? [];
}

/**
 * The reference docs write some URLs as Markdown links, e.g.
 * "[https://x.com/track/](https://x.com/track/){{1}}". Those are accepted as written; this gives
 * the URL a customer's phone would open.
 */
export function normalizeButtonUrl(url: string): string {
  const md = /^\[([^\]]*)\]\(([^)]*)\)(.*)$/s.exec(url.trim());
  return md ? `${md[2]}${md[3]}` : url.trim();
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}
