import { db } from '@/lib/db/client';
import { jsonResponse } from '@/lib/api/json-response';
import { getMessageStatuses } from '@/lib/messaging/get-message-statuses';
import { consoleRoute } from '@/app/_lib/console-route';

// GET /logs/feed/statuses?umid=a&umid=b — the current status of the rows on screen, polled so that a
// receipt shows in place without a reload.
export const GET = consoleRoute('logs.view', async (req, { accountId }) =>
  jsonResponse({ data: await getMessageStatuses(db, accountId, new URL(req.url).searchParams.getAll('umid')) }, { headers: { 'cache-control': 'no-store' } }),
);
