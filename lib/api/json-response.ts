// Response.json, with the serialized body kept beside the stream under a registered symbol: the
// custom server (lib/http/node-web-bridge.ts) writes that text directly instead of reading the body
// stream back (~30 µs a response). Under Next it is an ordinary Response.
export const JSON_PAYLOAD = Symbol.for('parley.jsonPayload');

export type JsonResponse = Response & { [JSON_PAYLOAD]?: string };

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = new Response(text, { ...init, headers }) as JsonResponse;
  response[JSON_PAYLOAD] = text;
  return response;
}
