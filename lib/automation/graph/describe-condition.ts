// Short human labels for branch conditions, shown on a step's outcome handles.

const HELPERS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^isCountryCode\(\s*[^,]+,\s*'([^']*)'\s*\)$/, (m) => `country ${m[1]}`],
  [/^stringContains\(\s*[^,]+,\s*'([^']*)'(?:\s*,\s*(true|false))?\s*\)$/, (m) => `contains “${m[1]}”${m[2] === 'true' ? ' (any case)' : ''}`],
  [/^isTimeOfDayBetween\(\s*[^,]+,\s*'(\d\d:\d\d)(?::\d\d)?'\s*,\s*'(\d\d:\d\d)(?::\d\d)?'\s*,\s*'([^']*)'\s*\)$/, (m) => `${m[1]}–${m[2]} ${m[3]}`],
  [/^isDayOfWeek\(\s*[^,]+,\s*'([^']*)'\s*\)$/, (m) => `on ${m[1]}`],
  [/^[\w.[\]'"]+\s*===?\s*'([^']*)'$/, (m) => `= “${m[1]}”`],
];

/** The script inside a single `{{ ... }}`, or the text itself when it is not one script. */
export function scriptOf(text: string): string {
  const m = /^\{\{([\s\S]*)\}\}$/.exec(text.trim());
  return m ? m[1]!.trim() : text.trim();
}

export function describeCondition(condition: string | null, stepType?: string): string {
  if (condition == null) return 'otherwise';
  const script = scriptOf(condition);
  const kind = stepType?.toLowerCase();
  if (kind === 'waitforreply' || kind === 'waitfordtmf') {
    if (/(reply\w*|dtmf\w*)\s*!==?\s*null$/.test(script) && !script.includes('&&')) return kind === 'waitforreply' ? 'reply' : 'key pressed';
    if (/(reply\w*|dtmf\w*)\s*===?\s*null$/.test(script)) return 'timeout';
  }
  const negated = script.startsWith('!');
  const core = negated ? script.slice(1).trim() : script;
  for (const [re, fmt] of HELPERS) {
    const m = re.exec(core);
    if (m) return (negated ? 'not ' : '') + fmt(m);
  }
  return script.length > 28 ? `${script.slice(0, 27)}…` : script;
}
