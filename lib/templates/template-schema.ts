import { z } from 'zod';
import { canonicalTemplateLanguage } from '@/lib/templates/languages';
import { checkTemplateRules } from '@/lib/templates/template-rules';
import { componentSchema, TEMPLATE_CATEGORIES, upper, type TemplateComponent } from '@/lib/templates/template-components';
import { withoutNulls } from '@/lib/api/without-nulls';

/**
 * THE template creation payload (the reference docs' "Template Creation Payload"), shared by the REST
 * API, the console's server actions and the designer form. Structure is checked here; WhatsApp's
 * rules (counts, lengths, variables, category limits, carousel consistency) in template-rules.ts.
 * Type names are accepted in any case ("quick_reply") and stored upper-case; a field sent as null
 * is read as not given (see withoutNulls).
 */

export * from '@/lib/templates/template-components';
const baseSchema = z.object(
  {
    name: z
      .string({ error: 'Give the template a name' })
      .min(1, 'Give the template a name')
      .max(512, 'The name can be at most 512 characters')
      .regex(/^[a-z0-9_]+$/, 'Use only lower-case letters, digits and underscores in the name, e.g. order_shipped_v2'),
    // "en-US" and "en_us" are stored as WhatsApp writes them, en_US.
    language: z.preprocess(
      (v) => (typeof v === 'string' ? (canonicalTemplateLanguage(v) ?? v) : v),
      z
        .string({ error: 'Choose a language, e.g. en_US' })
        .refine(
          (v) => canonicalTemplateLanguage(v) === v,
          'This is not a language WhatsApp supports for templates; use a locale code such as en_US, en or pt_BR',
        ),
    ),
    category: z.preprocess(upper, z.enum(TEMPLATE_CATEGORIES, { error: 'Choose a category: MARKETING, UTILITY or AUTHENTICATION' })),
    components: z.array(componentSchema, { error: 'Add the template components (at least a BODY)' }).min(1, 'Add at least a BODY component'),
  },
  {
    error: (iss) =>
      iss.input === undefined
        ? 'The body is empty: send the template as a JSON object'
        : 'The template must be a JSON object: { "name", "language", "category", "components" }',
  },
);

export const templatePayloadSchema = z.preprocess(withoutNulls, baseSchema).superRefine((t, ctx) => {
  for (const issue of checkTemplateRules(t)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export type TemplatePayload = z.infer<typeof templatePayloadSchema>;
/** What the designer edits: the same shape, possibly incomplete or breaking rules. */
export type TemplateDraft = { name?: string; language?: string; category?: string; components: TemplateComponent[] };
