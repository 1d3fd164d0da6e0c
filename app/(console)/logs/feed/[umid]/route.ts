import { db } from '@/lib/db/client';
import { jsonResponse } from '@/lib/api/json-response';
import { getMessageDetail } from '@/lib/messaging/get-message-detail';
import { consoleRoute } from '@/app/_lib/console-route';

// GET /logs/feed/<umid> — the drawer: the message, its status timeline, its campaign or workflow run.
export const GET = consoleRoute('logs.view', async (_req, { accountId, params }) =>
  jsonResponse(await getMessageDetail(db, accountId, params.umid ?? ''), { headers: { 'cache-control': 'no-store' } }),
);
