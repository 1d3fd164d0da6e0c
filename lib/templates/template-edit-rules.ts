import type { TemplateStatus } from '@/lib/templates/stored-template';
import type { RuleIssue } from '@/lib/templates/template-rules';
import type { TemplateCategory, TemplateComponent } from '@/lib/templates/template-components';

/**
 * What WhatsApp lets a business change in a template it already submitted. The reference docs say
 * nothing about editing; these are Meta's published rules, as the BSPs that expose editing repeat
 * them: only an APPROVED, REJECTED or PAUSED template can be edited; only its components (and, for a
 * rejected or paused one, its category) change, never its name or language; an approved template's
 * category cannot change; an approved template can be edited once in 24 hours and ten times in 30
 * days, a rejected or paused one without limit. Every edit goes through review again.
 * Shared by lib/templates/edit-template.ts and the designer, so both say the same thing.
 */
export const EDITABLE_STATUSES = ['APPROVED', 'REJECTED', 'PAUSED'] as const satisfies readonly TemplateStatus[];
export const APPROVED_EDIT_LIMITS = { perDay: 1, per30Days: 10 } as const;

type Editable = { status: TemplateStatus; pendingComponents: TemplateComponent[] | null };

/** Why the template cannot be edited now, or null when it can. */
export function whyNotEditable(t: Editable): string | null {
  if (t.pendingComponents) return 'An edit of this template is already in review: wait for WhatsApp’s decision before editing it again';
  if (t.status === 'PENDING') return 'This template is in review: wait for WhatsApp’s decision before editing it';
  if (t.status === 'DISABLED') return 'WhatsApp disabled this template: it cannot be edited; create a new one';
  return null;
}

/** Whether the category can be changed in an edit: only while nothing of the template is live. */
export function categoryEditable(status: TemplateStatus): boolean {
  return status !== 'APPROVED';
}

type Current = { name: string; language: string; category: TemplateCategory; status: TemplateStatus; components: TemplateComponent[] };
type Edit = { name: string; language: string; category: TemplateCategory; components: TemplateComponent[] };

/** The edit's breaches of WhatsApp's edit rules (the payload's own rules are template-rules.ts'). */
export function checkTemplateEdit(current: Current, edit: Edit): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (edit.name !== current.name)
    issues.push({
      path: ['name'],
      message: `The name of a submitted template cannot change: it stays '${current.name}' (duplicate the template for a new name)`,
    });
  if (edit.language !== current.language)
    issues.push({ path: ['language'], message: `The language of a submitted template cannot change: add a new language version instead` });
  if (edit.category !== current.category && !categoryEditable(current.status))
    issues.push({ path: ['category'], message: `The category of an approved template cannot change: it stays ${current.category}` });
  if (!issues.length && edit.category === current.category && sameComponents(edit.components, current.components))
    issues.push({ path: ['components'], message: 'Nothing has changed: edit the content before submitting it for review again' });
  return issues;
}

/** Equal content whatever the order of keys: the stored JSON and a new payload may write them differently. */
function sameComponents(a: TemplateComponent[], b: TemplateComponent[]): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}
