import { buildOpenApiDocument } from '@/lib/api/openapi/build-openapi-document';

// The API's OpenAPI document. Public and cacheable: it describes the API and holds no account data,
// so tools (code generators, Postman, a reader without a key yet) can fetch it. The server URL is
// relative (/api/v1), so the document is right on whatever host serves it. A static folder wins
// over the [...path] catch-all here, in Next and in lib/http/api-router alike.
let body: string | undefined;

export async function GET(): Promise<Response> {
  body ??= JSON.stringify(buildOpenApiDocument());
  return new Response(body, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' },
  });
}
