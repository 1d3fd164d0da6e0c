import { toErrorResponse } from '@/lib/api/error-response';
import { db } from '@/lib/db/client';
import { handleEightByEightWebhook } from '@/lib/channels/eightbyeight/handle-webhook';

export const dynamic = 'force-dynamic';

// 8x8's webhooks for one carrier channel; authenticated by the channel's webhook secret, not an API key.
export async function POST(req: Request, ctx: { params: Promise<{ channelId: string }> }): Promise<Response> {
  try {
    const { channelId } = await ctx.params;
    return await handleEightByEightWebhook(db, channelId, req);
  } catch (err) {
    return toErrorResponse(err);
  }
}
