import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { API_OPERATIONS } from '@/lib/api/openapi/operations';
import { typescriptSample } from '@/lib/api/openapi/typescript-sample';

// The TypeScript examples are code people paste: each one must type-check as a module (top-level
// await, fetch and FormData from the DOM library, process and node:fs from Node's types).
describe('the TypeScript examples', () => {
  it('type-check, every one of them', () => {
    const files = new Map(
      API_OPERATIONS.map((op) => [`/samples/${op.operationId}.ts`, `${typescriptSample(op, 'http://localhost:3000/api/v1')}\nexport {};\n`]),
    );
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
    };
    const host = ts.createCompilerHost(options);
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    host.readFile = (f) => files.get(f) ?? read(f);
    host.fileExists = (f) => files.has(f) || exists(f);
    const getSource = host.getSourceFile.bind(host);
    host.getSourceFile = (f, v, ...rest) => (files.has(f) ? ts.createSourceFile(f, files.get(f)!, v) : getSource(f, v, ...rest));
    const program = ts.createProgram([...files.keys()], options, host);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('send a message with the example body, the key from the environment, and read the 8x8 error shape', () => {
    const send = API_OPERATIONS.find((o) => o.operationId === 'sendMessage')!;
    const sample = typescriptSample(send, 'https://parley.example.com/api/v1', { subAccountId: 'acme_corp' });
    expect(sample).toContain('const subAccountId = "acme_corp";');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the example's own template literal
    expect(sample).toContain('`${BASE_URL}/subaccounts/${encodeURIComponent(subAccountId)}/messages`');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the example's own template literal
    expect(sample).toContain('Authorization: `Bearer ${process.env.PARLEY_API_KEY}`');
    expect(sample).toContain('"msisdn": "+6591234567"');
    expect(sample).toContain('const error: ParleyError = await res.json();');
  });
});
