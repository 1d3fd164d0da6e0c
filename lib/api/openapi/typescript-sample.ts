import type { ApiOperation } from '@/lib/api/openapi/operation';

// A TypeScript example per operation (x-codeSamples, which Scalar and Redoc show beside their own
// curl and fetch snippets): typed, with the key from the environment and the 8x8 error shape read
// on a refusal, as an integration would write it.

const ident = (name: string) => name.replace(/[^A-Za-z0-9_$]/g, '_');

export function typescriptSample(op: ApiOperation, baseUrl: string, pathExamples: Record<string, string> = {}): string {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const queryNames = Array.isArray(op.query) ? op.query.filter((q) => q.required).map((q) => q.name) : [];
  const consts = [...names, ...queryNames].map((n) => `const ${ident(n)} = ${JSON.stringify(pathExamples[n] ?? `<${n}>`)};`);
  const json = op.body && (op.body.contentType ?? 'application/json') === 'application/json';
  const multipart = op.body?.contentType === 'multipart/form-data';
  const headers = [...(op.public ? [] : [`Authorization: \`Bearer \${process.env.PARLEY_API_KEY}\``]), ...(json ? [`'Content-Type': 'application/json'`] : [])];
  const required = Array.isArray(op.query) ? op.query.filter((q) => q.required) : [];
  const search = required.length ? `?${required.map((q) => `${q.name}=\${encodeURIComponent(${ident(q.name)})}`).join('&')}` : '';
  const init = [
    ...(op.method === 'GET' ? [] : [`method: '${op.method}'`]),
    `headers: { ${headers.join(', ')} }`,
    ...(json ? [`body: JSON.stringify(${JSON.stringify(op.body!.example ?? {}, null, 2).replace(/\n/g, '\n  ')})`] : []),
    ...(multipart ? ['body: form'] : []),
  ];
  const url = `\`\${BASE_URL}${op.path.replace(/\{([^}]+)\}/g, (_, n: string) => `\${encodeURIComponent(${ident(n)})}`)}${search}\``;
  const success = Object.keys(op.responses).find((s) => s.startsWith('2'));
  const answer = success === '204' ? '' : '\nconst result = await res.json();\nconsole.log(result);';
  return [
    ...(multipart ? ["import { readFile } from 'node:fs/promises';", ''] : []),
    `type ParleyError = { code: number; message: string; errorId: string; errors?: { path: string; message: string }[] };`,
    '',
    `const BASE_URL = ${JSON.stringify(baseUrl)};`,
    ...consts,
    ...(multipart ? ['const form = new FormData();', "form.set('file', new Blob([await readFile('photo.jpg')], { type: 'image/jpeg' }), 'photo.jpg');"] : []),
    '',
    `const res = await fetch(${url}, {`,
    ...init.map((l) => `  ${l},`),
    '});',
    'if (!res.ok) {',
    '  const error: ParleyError = await res.json();',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the example's own template literal
    '  throw new Error(`Parley ${res.status} (code ${error.code}): ${error.message}`);',
    `}${answer}`,
  ].join('\n');
}
