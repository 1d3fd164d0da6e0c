import { checkScript } from '@/lib/automation/script/check-script';

/** The scripts inside a template string ("Hi {{data.name}}" → ["data.name"]). */
export function scriptsIn(text: string): string[] {
  const out: string[] = [];
  const re = /\{\{([\s\S]*?)\}\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1]!);
  return out;
}

/** The first rule violation of any script in the text, phrased for an inline error; null when fine. */
export function scriptProblem(text: string): string | null {
  if (typeof text !== 'string') return null;
  const opens = (text.match(/\{\{/g) ?? []).length;
  const closes = (text.match(/\}\}/g) ?? []).length;
  if (opens !== closes) return 'Unbalanced {{ }}: each script must be closed with }}';
  for (const s of scriptsIn(text)) {
    const problem = checkScript(s.trim());
    if (problem) return `Script not allowed: ${problem}`;
  }
  return null;
}
