import { regionBaseUrl } from '@/lib/channels/regions';
import { env } from '@/lib/env';

/**
 * A channel as pages and the API show it. Credentials are never part of it: only whether they are set.
 * Built field by field from the row, so a column added later is not sent out by accident.
 */
export type ChannelView = {
  id: string;
  subAccountId: string;
  kind: string;
  name: string;
  address: string;
  provider: string;
  credentials?: 'set';
  createdAt: string;
};

type ChannelRow = {
  id: string;
  subAccountId: string;
  kind: string;
  name: string;
  address: string;
  provider: string;
  credentials: string | null;
  createdAt: Date;
};

export function channelView(c: ChannelRow): ChannelView {
  return {
    id: c.id,
    subAccountId: c.subAccountId,
    kind: c.kind,
    name: c.name,
    address: c.address,
    provider: c.provider,
    ...(c.credentials ? { credentials: 'set' as const } : {}),
    createdAt: c.createdAt.toISOString(),
  };
}

/** Where an 8x8 channel of this kind sends, in the account's region (PARLEY_8X8_BASE_URL overrides it). */
export function channelBaseUrl(region: string, kind: string): string {
  return regionBaseUrl(region, kind === 'sms' ? 'sms' : 'chatapps', env.PARLEY_8X8_BASE_URL);
}

/** The URL to give 8x8 for this channel's inbound messages and status events. */
export function channelWebhookUrl(origin: string, channelId: string): string {
  return `${origin.replace(/\/+$/, '')}/api/providers/8x8/${encodeURIComponent(channelId)}/webhooks`;
}
