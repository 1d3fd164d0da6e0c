// The production server (spawned by `npm start`): Next serves the console; the REST API under /api/v1
// is answered by the same route handlers straight from Node's http server (lib/http/serve-api.ts),
// which keeps Next's per-request page machinery off the API's hot path.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { createApiServer } from '@/lib/http/serve-api';
import { screenServerAction } from '@/lib/http/screen-server-action';
import { stampClientAddress } from '@/lib/auth/client-address';
import { startBackgroundThread } from '@/lib/jobs/background-thread';
import { registerInboundConsumers } from './compose';

// The API's sandbox routes store inbound messages in this thread: their consumers must be registered
// here, not only in the background thread and in Next's instrumentation.
registerInboundConsumers();
const root = process.cwd();
// Background work runs in a worker thread of this process (the machine's other core); started first,
// so instrumentation.ts finds it running and does not start a second set.
const background = env.RUN_WORKER_IN_WEB ? startBackgroundThread(path.join(root, 'scripts', 'background-thread.ts')) : null;
const app = next({ dev: false, dir: root, port: env.PORT });
await app.prepare();
const handleNext = app.getRequestHandler();
const api = createApiServer(root);

const server = http.createServer((req, res) => {
  stampClientAddress(req); // the one client address sign-in throttling may trust (lib/auth/client-address.ts)
  const url = req.url ?? '/';
  if (url === api.prefix || url.startsWith(`${api.prefix}/`) || url.startsWith(`${api.prefix}?`)) void api.handle(req, res);
  // A malformed server-action body is a 400 here, not Next's 500 (lib/http/screen-server-action.ts).
  else
    void screenServerAction(req, res).then(
      async (answered) => {
        if (!answered) await handleNext(req, res);
      },
      () => res.destroy(), // the client went away mid-body
    );
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, () => logger.info({ port: env.PORT }, 'Parley is serving'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    server.close();
    await background?.stop();
    process.exit(0);
  });
}
