import fs from 'node:fs';
import path from 'node:path';

// The workflow JSON of the reference docs' "Examples" section, copied verbatim (tests and the bench use them).
export const REFERENCE_EXAMPLES = ['chat-apps-auto-reply', 'sms-auto-reply', 'out-of-office', 'keyword-detection', 'menu-wait-for-reply'] as const;
export type ReferenceExample = (typeof REFERENCE_EXAMPLES)[number];

export function referenceExample(name: ReferenceExample): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), 'lib/automation/examples', `${name}.json`), 'utf8'));
}
