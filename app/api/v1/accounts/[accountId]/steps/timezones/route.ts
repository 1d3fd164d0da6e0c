import { jsonResponse } from '@/lib/api/json-response';
import { withApiKey } from '@/lib/api/with-api-key';
import { listTimeZones } from '@/lib/automation/script/time-zones';

export const GET = withApiKey<{ accountId: string }>(
  async ({ req }) => {
    const contains = new URL(req.url).searchParams.get('contains');
    return jsonResponse(listTimeZones(contains).map(({ id, name }) => ({ id, name })));
  },
  { permission: 'automation.view' },
);
