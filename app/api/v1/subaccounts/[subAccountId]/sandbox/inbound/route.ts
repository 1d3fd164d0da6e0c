import { jsonResponse } from '@/lib/api/json-response';
import { db } from '@/lib/db/client';
import { withApiKey } from '@/lib/api/with-api-key';
import { readJson } from '@/lib/api/read-json';
import { receiveInbound } from '@/lib/messaging/receive-inbound';
import { sandboxInboundSchema } from '@/lib/messaging/sandbox-schemas';

// A simulated customer sends a message to the subaccount; handled exactly like a carrier's inbound.
export const POST = withApiKey<{ subAccountId: string }>(
  async ({ req, key, params }) => {
    const body = await readJson(req, sandboxInboundSchema);
    const { umid } = await receiveInbound(db, {
      accountId: key.accountId,
      subAccountId: params.subAccountId,
      channel: body.channel,
      msisdn: body.user.msisdn,
      type: body.type,
      content: body.content,
      timestamp: body.timestamp ? new Date(body.timestamp) : undefined,
      referral: body.referral ?? null,
    });
    return jsonResponse({ umid }, { status: 202 });
  },
  { permission: 'simulator.use' },
);
