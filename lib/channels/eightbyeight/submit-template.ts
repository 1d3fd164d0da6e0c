import { env } from '@/lib/env';
import { type ChannelForProvider, PermanentProviderError, type TemplateForProvider } from '@/lib/channels/provider';
import { regionBaseUrl } from '@/lib/channels/regions';
import { callEightByEight } from '@/lib/channels/eightbyeight/call-eight-by-eight';
import { readEightByEightCredentials } from '@/lib/channels/eightbyeight/credentials';

/**
 * Submits a template to WhatsApp's review through 8x8 (reference: "Create Template: POST
 * /accounts/{accountId}/channels/{channelId}/templates", the "Template Creation Payload"). 8x8's
 * template_status_update webhook later approves or rejects it.
 */
export async function submitEightByEightTemplate(
  template: TemplateForProvider,
  channel: ChannelForProvider,
  signal?: AbortSignal,
): Promise<{ carrierTemplateId?: string }> {
  const credentials = readEightByEightCredentials(channel.credentials);
  if (!credentials) throw new PermanentProviderError(`Channel '${channel.id}' has no complete 8x8 credentials (apiKey, subAccountId, webhookSecret)`);
  const accountId = encodeURIComponent(credentials.accountId ?? channel.accountId);
  const channelId = encodeURIComponent(credentials.channelId ?? channel.id);
  const url = `${regionBaseUrl(channel.region, 'chatapps', env.PARLEY_8X8_BASE_URL)}/api/v1/accounts/${accountId}/channels/${channelId}/templates`;
  const json = await callEightByEight(
    url,
    credentials.apiKey,
    { language: template.language, name: template.name, category: template.category, components: template.components },
    signal,
  );
  const id = json && typeof json === 'object' ? (json as Record<string, unknown>).id : undefined;
  return { carrierTemplateId: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined };
}
