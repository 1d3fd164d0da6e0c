import { db } from '@/lib/db/client';
import { jsonResponse } from '@/lib/api/json-response';
import { listAccountMessages } from '@/lib/messaging/logs/list-account-messages';
import { consoleRoute, queryOf } from '@/app/_lib/console-route';

// GET /logs/feed?<filters>&cursor= — a page of the Logs table (infinite scroll), and with from=<the
// newest shown> the messages that arrived since (the "n new messages" poll).
export const GET = consoleRoute('logs.view', async (req, { accountId }) =>
  jsonResponse(await listAccountMessages(db, accountId, queryOf(req)), { headers: { 'cache-control': 'no-store' } }),
);
