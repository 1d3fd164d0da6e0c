// Structural checks of an OpenAPI 3.1 document, for CI: what a viewer or a code generator trips on.
// Not a full validator (none is installed); each rule here is one that a hand-kept or generated
// document has been seen to break.

type Node = { [key: string]: unknown };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a local JSON pointer (#/components/schemas/Message), or undefined. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  const parts = pointer
    .slice(1)
    .split('/')
    .slice(1)
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  for (const p of parts) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Node)[p];
    if (node === undefined) return undefined;
  }
  return node;
}

/** Every problem found, as readable lines; an empty list is a valid document. */
export function validateOpenApiDocument(doc: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(doc)) return ['The document is not an object'];
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push(`openapi is ${String(doc.openapi)}, not 3.1.x`);
  const info = doc.info as Node | undefined;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') problems.push('info needs a title and a version');
  if (!isObject(doc.paths)) return [...problems, 'paths is missing'];

  // Every $ref points at something, and schemas use JSON Schema's types. Examples, defaults and
  // enums are data: a "type": "text" there is a message field, not a schema keyword.
  const DATA = new Set(['example', 'examples', 'default', 'const', 'enum']);
  const walk = (node: unknown, at: string, inSchema: boolean) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`, inSchema));
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      const here = `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (DATA.has(k) && !(at.endsWith('/properties') || at.endsWith('/schemas'))) continue;
      if (k === '$ref') {
        if (typeof v !== 'string' || resolvePointer(doc, v) === undefined) problems.push(`${at}: $ref ${String(v)} does not resolve`);
      } else if ((k === '$defs' || k === '$id') && inSchema) {
        problems.push(`${at}: ${k} left in a schema (its refs would resolve from the schema, not the document)`);
      } else if (k === 'type' && inSchema && !at.endsWith('/properties')) {
        for (const t of [v].flat()) if (!JSON_TYPES.has(t as string)) problems.push(`${at}: type ${String(t)} is not a JSON Schema type`);
      }
      walk(v, here, inSchema || k === 'schema' || at === '#/components/schemas');
    }
  };
  walk(doc, '#', false);

  const tags = new Set(Array.isArray(doc.tags) ? (doc.tags as Node[]).map((t) => t.name) : []);
  const schemes = new Set(Object.keys(((doc.components as Node | undefined)?.securitySchemes as Node | undefined) ?? {}));
  const checkSecurity = (security: unknown, at: string) => {
    if (security === undefined) return;
    if (!Array.isArray(security)) return problems.push(`${at}: security must be a list`);
    for (const req of security)
      for (const name of Object.keys(req as Node)) if (!schemes.has(name)) problems.push(`${at}: security scheme ${name} is not defined`);
  };
  checkSecurity(doc.security, '#/security');

  const operationIds = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) problems.push(`path ${path} does not start with /`);
    // Two paths that differ only in parameter names are the same path to a router.
    const shape = path.replace(/\{[^}]+\}/g, '{}');
    if (templates.has(shape)) problems.push(`${path} and ${templates.get(shape)} are the same path`);
    templates.set(shape, path);
    const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const [method, op] of Object.entries(item as Node)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (!METHODS.includes(method)) {
        if (method !== 'parameters' && method !== 'summary' && method !== 'description') problems.push(`${at}: not an HTTP method`);
        continue;
      }
      if (!isObject(op)) {
        problems.push(`${at}: not an object`);
        continue;
      }
      const id = op.operationId;
      if (typeof id !== 'string' || !id) problems.push(`${at}: no operationId`);
      else if (operationIds.has(id)) problems.push(`${at}: operationId ${id} is also ${operationIds.get(id)}'s`);
      else operationIds.set(id, at);
      const params = ((op.parameters as Node[] | undefined) ?? []).map((p) => (typeof p.$ref === 'string' ? (resolvePointer(doc, p.$ref) as Node) : p));
      const seen = new Set<string>();
      for (const p of params) {
        const key = `${String(p?.in)}:${String(p?.name)}`;
        if (seen.has(key)) problems.push(`${at}: parameter ${key} twice`);
        seen.add(key);
        if (!['path', 'query', 'header', 'cookie'].includes(p?.in as string)) problems.push(`${at}: parameter ${String(p?.name)} has in=${String(p?.in)}`);
        if (p?.in === 'path' && !inPath.includes(p.name as string)) problems.push(`${at}: path parameter ${String(p.name)} is not in the path`);
        if (p?.in === 'path' && p.required !== true) problems.push(`${at}: path parameter ${String(p.name)} must be required`);
        if (!isObject(p?.schema) && !isObject(p?.content)) problems.push(`${at}: parameter ${String(p?.name)} has no schema`);
      }
      for (const name of inPath) if (!params.some((p) => p?.in === 'path' && p.name === name)) problems.push(`${at}: path parameter {${name}} is not declared`);
      const responses = op.responses as Node | undefined;
      if (!isObject(responses) || !Object.keys(responses).length) problems.push(`${at}: no responses`);
      else {
        if (!Object.keys(responses).some((s) => /^2\d\d$/.test(s))) problems.push(`${at}: no success response`);
        for (const [status, r] of Object.entries(responses)) {
          if (!/^[1-5](\d\d|XX)$/.test(status) && status !== 'default') problems.push(`${at}: response status ${status}`);
          const resolved = isObject(r) && typeof r.$ref === 'string' ? resolvePointer(doc, r.$ref) : r;
          if (!isObject(resolved) || typeof resolved.description !== 'string') problems.push(`${at}: response ${status} has no description`);
        }
      }
      const body = op.requestBody as Node | undefined;
      if (body !== undefined && (!isObject(body.content) || !Object.keys(body.content).length)) problems.push(`${at}: requestBody without content`);
      if (body !== undefined && ['get', 'delete', 'head'].includes(method)) problems.push(`${at}: a ${method.toUpperCase()} with a body`);
      for (const t of (op.tags as string[] | undefined) ?? []) if (!tags.has(t)) problems.push(`${at}: tag ${t} is not in the document's tags`);
      checkSecurity(op.security, at);
    }
  }
  return problems;
}
