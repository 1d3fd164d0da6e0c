import { db } from '@/lib/db/client';
import { jsonResponse } from '@/lib/api/json-response';
import { countMessages } from '@/lib/messaging/logs/count-messages';
import { consoleRoute, queryOf } from '@/app/_lib/console-route';

// GET /logs/feed/count?<filters> — how many messages the filters match (the Logs page's "n messages").
export const GET = consoleRoute('logs.view', async (req, { accountId }) =>
  jsonResponse(await countMessages(db, accountId, queryOf(req)), { headers: { 'cache-control': 'no-store' } }),
);
