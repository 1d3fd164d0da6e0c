// The production server (spawned by `npm start`): Next serves the console; the REST API under /api/v1
// is answered by the same route handlers straight from Node's http server (lib/http/serve-api.ts),
// which keeps Next's per-request page machinery off the API's hot path.
import http from 'node:http';
import next from 'next';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { createApiServer } from '@/lib/http/serve-api';
import { startBackgroundWork } from '@/lib/jobs/start-background-work';

const root = process.cwd();
// Background work runs beside the API's modules (the copies this process loads, not Next's bundled
// ones); started first, so instrumentation.ts finds it running and does not start a second set.
if (env.RUN_WORKER_IN_WEB) await startBackgroundWork();
const app = next({ dev: false, dir: root, port: env.PORT });
await app.prepare();
const handleNext = app.getRequestHandler();
const api = createApiServer(root);

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (url === api.prefix || url.startsWith(`${api.prefix}/`) || url.startsWith(`${api.prefix}?`)) void api.handle(req, res);
  else void handleNext(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, () => logger.info({ port: env.PORT }, 'Parley is serving'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
