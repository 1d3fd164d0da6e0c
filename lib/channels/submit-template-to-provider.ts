import type { Db } from '@/lib/db/client';
import { providerFor } from '@/lib/channels/get-provider';
import { toChannelForProvider } from '@/lib/channels/channel-for-provider';
import { PermanentProviderError, type TemplateForProvider } from '@/lib/channels/provider';
import { AppError, ValidationError } from '@/lib/errors';

const TIMEOUT_MS = 10_000;

type ChannelRow = { id: string; kind: string; address: string; provider: string; credentials: string | null; subAccountId: string };

/**
 * Hands a new template to the review of the channel's carrier, when it has one. Returns false for the
 * sandbox (its simulated reviewer decides later); a carrier's refusal is a ValidationError with its
 * code and words, and a carrier that cannot answer now a 503, so nothing is stored either way.
 */
export async function submitTemplateToProvider(db: Db, channel: ChannelRow, accountId: string, template: TemplateForProvider): Promise<boolean> {
  const provider = providerFor(channel.provider);
  if (!provider.submitTemplate) return false;
  const account = await db.account.findUniqueOrThrow({ where: { id: accountId }, select: { region: true } });
  const target = toChannelForProvider({ ...channel, accountId, region: account.region });
  try {
    await provider.submitTemplate(template, target, AbortSignal.timeout(TIMEOUT_MS));
  } catch (err) {
    if (err instanceof PermanentProviderError) {
      throw new ValidationError(`${provider.name} refused the template: ${err.message}`, [{ path: '', message: err.message }], err.errorCode ?? 1005);
    }
    throw new AppError(`${provider.name} did not take the template now (${(err as Error)?.message ?? err}); nothing was stored, try again shortly`, 503, 1000);
  }
  return true;
}
