// For tests: the production API server (lib/http/serve-api.ts) on a free local port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiServer } from '@/lib/http/serve-api';

export type TestApiServer = { base: string; port: number; close(): Promise<void> };

export async function startTestApiServer(): Promise<TestApiServer> {
  const api = createApiServer(process.cwd());
  const server = http.createServer((req, res) => void api.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
