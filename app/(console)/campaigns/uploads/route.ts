import { db } from '@/lib/db/client';
import { ValidationError } from '@/lib/errors';
import { storeAudienceFile } from '@/lib/campaigns/audience/audience-file';
import { consoleRoute, jsonResponse } from '@/app/_lib/console-route';

/**
 * POST /campaigns/uploads — the wizard's CSV, as the raw request body (X-File-Name names it), streamed
 * to storage while the browser is still reading it. Answers { fileId, size } for createCampaign.
 */
export const POST = consoleRoute('campaigns.send', async (req, { accountId, actor }) => {
  if (!req.body) throw new ValidationError('Send the CSV file as the request body', [{ path: 'file', message: 'Choose a CSV file' }]);
  const raw = req.headers.get('x-file-name') ?? 'audience.csv';
  let fileName = raw;
  try {
    fileName = decodeURIComponent(raw);
  } catch {
    // A name that is not valid percent-encoding is kept as sent.
  }
  const stored = await storeAudienceFile(db, actor, { accountId, body: req.body, fileName: fileName.slice(0, 255) });
  return jsonResponse(201, stored);
});
