import { z } from 'zod';
import type { JsonSchema, SchemaSource } from '@/lib/api/openapi/operation';

// The zod → JSON Schema step. Every zod schema the document uses is converted in one pass through a
// registry, so a schema used in several places (the workflow step inside every workflow body) is one
// component that the others $ref. Schemas are converted as the API reads them (io: 'input': before
// transforms and defaults), and what JSON Schema cannot say (a transform's output, a refinement, a
// preprocess step) is left open ({}) instead of throwing: the route still checks it.

const ZOD_REF = Symbol('zodRef');
const COMPONENTS = '#/components/schemas/';

export const isZod = (s: unknown): s is z.ZodType => typeof s === 'object' && s !== null && '_zod' in s;

type ZodMarker = { [ZOD_REF]: z.ZodType };

/** A zod schema placed inside hand-written JSON Schema; the builder turns it into a $ref to its component. */
export function zodRef(schema: z.ZodType): JsonSchema {
  return { [ZOD_REF]: schema } as unknown as JsonSchema;
}

export const ref = (component: string): JsonSchema => ({ $ref: `${COMPONENTS}${component}` });

/** Every zod schema inside `source` (itself, or markers nested in JSON Schema), in order of appearance. */
export function zodSchemasIn(source: SchemaSource | undefined, found: z.ZodType[] = []): z.ZodType[] {
  if (source === undefined) return found;
  if (isZod(source)) {
    found.push(source);
    return found;
  }
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (ZOD_REF in v) found.push((v as ZodMarker)[ZOD_REF]);
      else Object.values(v).forEach(walk);
    }
  };
  walk(source);
  return found;
}

/** `source` as JSON Schema, its zod schemas (and markers) replaced by $refs to their components. */
export function resolveSchema(source: SchemaSource, names: Map<z.ZodType, string>): JsonSchema {
  const nameOf = (s: z.ZodType) => {
    const name = names.get(s);
    if (!name) throw new Error('A zod schema was not collected before the document was built');
    return ref(name);
  };
  if (isZod(source)) return nameOf(source);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      if (ZOD_REF in v) return nameOf((v as ZodMarker)[ZOD_REF]);
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(source) as JsonSchema;
}

/** Rewrites every $ref in `node` through `map` (unknown refs are kept). */
function rewriteRefs(node: unknown, map: (r: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, map));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? map(v) : rewriteRefs(v, map)]));
  }
  return node;
}

/**
 * The components for `named` (schema → component name). Definitions zod puts aside (a recursive
 * schema nobody named: `__shared` or a schema's own `$defs`) become components of their own, as
 * OpenAPI resolves `#/components/...` refs from the document's root, not from the schema.
 */
export function convertZodSchemas(named: Map<z.ZodType, string>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of named) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', uri: (id) => `${COMPONENTS}${id}` });
  const result: Record<string, JsonSchema> = {};
  for (const [name, raw] of Object.entries(out.schemas)) {
    const { $schema: _s, $id: _i, $defs, ...schema } = raw as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const prefix = name === '__shared' ? 'Shared' : name;
    const local = (r: string) => {
      const shared = /^#\/components\/schemas\/__shared#\/\$defs\/(.+)$/.exec(r);
      if (shared) return `${COMPONENTS}Shared_${shared[1]}`;
      const own = /^#\/\$defs\/(.+)$/.exec(r);
      return own ? `${COMPONENTS}${prefix}_${own[1]}` : r;
    };
    for (const [key, def] of Object.entries($defs ?? {})) result[`${prefix}_${key}`] = rewriteRefs(def, local) as JsonSchema;
    if (name !== '__shared') result[name] = rewriteRefs(schema, local) as JsonSchema;
  }
  return result;
}
