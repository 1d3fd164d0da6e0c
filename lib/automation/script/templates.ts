// `{{ ... }}` templates: a string that is exactly one template yields the script's value with its type;
// otherwise every template is replaced by its value as text.
const TEMPLATE = /\{\{([\s\S]*?)\}\}/g;
const SINGLE = /^\{\{([\s\S]*?)\}\}$/;

export function hasTemplate(text: string): boolean {
  return text.includes('{{') && /\{\{[\s\S]*?\}\}/.test(text);
}

/** The script when the whole string is one template, else null. */
export function singleTemplate(text: string): string | null {
  const m = SINGLE.exec(text);
  if (!m || m[1].includes('{{')) return null;
  return m[1];
}

/** Every script in a string, in order. */
export function templateScripts(text: string): string[] {
  return [...text.matchAll(TEMPLATE)].map((m) => m[1]);
}

/** Replaces each template with `render(script)`. */
export function replaceTemplates(text: string, render: (script: string) => string): string {
  return text.replace(TEMPLATE, (_, script: string) => render(script));
}

/** Calls `visit` on every string inside a JSON-like value with its dotted path. */
export function forEachString(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => forEachString(v, `${path}.${i}`, visit));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) forEachString(v, path ? `${path}.${k}` : k, visit);
  }
}
