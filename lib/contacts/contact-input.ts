import { z } from 'zod';

// What a contact may hold, as PUT /accounts/{id}/contacts/{msisdn}, the Contacts page's dialog and the
// CSV import take it. Client-safe (zod only): the dialog validates with the same schema as the server.

export const MAX_NAME = 200;
export const MAX_ATTRIBUTES = 100;
export const MAX_ATTRIBUTE_KEY = 64;
export const MAX_ATTRIBUTE_VALUE = 1000;
export const MAX_TAGS = 50;
export const MAX_TAG = 64;

// Serializers that write unset fields write them as null: null is "not given", as in the send payloads.
const absentIfNull = (v: unknown) => (v === null ? undefined : v);
// Integrations send { "age": 42 } as often as { "age": "42" }: a number or a boolean is its text.
const asText = (v: unknown) => ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' ? String(v) : v);

export const tagSchema = z
  .string({ error: 'Each tag must be text' })
  .trim()
  .min(1, 'A tag must not be empty')
  .max(MAX_TAG, `A tag is at most ${MAX_TAG} characters`);

export const contactNameSchema = z
  .string({ error: 'name must be text' })
  .trim()
  .max(MAX_NAME, `name is at most ${MAX_NAME} characters`)
  // An empty name clears it.
  .transform((n) => n || null);

export const attributesSchema = z
  .record(
    z.string().trim().min(1, 'An attribute needs a name').max(MAX_ATTRIBUTE_KEY, `An attribute name is at most ${MAX_ATTRIBUTE_KEY} characters`),
    z.preprocess(
      asText,
      z.string({ error: 'An attribute value must be text' }).max(MAX_ATTRIBUTE_VALUE, `An attribute value is at most ${MAX_ATTRIBUTE_VALUE} characters`),
    ),
    { error: 'attributes must be an object of names to text values, e.g. { "city": "Singapore" }' },
  )
  .refine((a) => Object.keys(a).length <= MAX_ATTRIBUTES, `A contact has at most ${MAX_ATTRIBUTES} attributes`);

export const tagsSchema = z
  .array(tagSchema, { error: 'tags must be a list of text, e.g. ["vip"]' })
  .max(MAX_TAGS, `A contact has at most ${MAX_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);

/** PUT semantics: a field given replaces what is stored; a field left out (or null) keeps it. */
export const contactInputSchema = z.object(
  {
    name: z.preprocess(absentIfNull, contactNameSchema.optional()),
    attributes: z.preprocess(absentIfNull, attributesSchema.optional()),
    tags: z.preprocess(absentIfNull, tagsSchema.optional()),
  },
  { error: 'The body must be a JSON object: { "name"?, "attributes"?, "tags"? }' },
);

export type ContactInput = z.infer<typeof contactInputSchema>;

export const OPT_OUT_SOURCES = ['keyword', 'manual', 'api', 'import'] as const;
export type OptOutSource = (typeof OPT_OUT_SOURCES)[number];
