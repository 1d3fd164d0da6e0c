import { z } from 'zod';

// What an 8x8 channel stores (encrypted, lib/crypto/secret-box.ts): 8x8's API key, the 8x8 subaccount
// it sends as, and the secret 8x8 presents on the channel's webhooks. 8x8's template endpoint also names
// 8x8's account and channel ids; without them Parley's own ids are used (provisioning mirrors 8x8's).
export const eightByEightCredentialsSchema = z.object({
  apiKey: z.string().trim().min(1, 'apiKey is required'),
  subAccountId: z.string().trim().min(1, 'subAccountId is required'),
  webhookSecret: z.string().min(1, 'webhookSecret is required'),
  accountId: z.string().trim().min(1).optional(),
  channelId: z.string().trim().min(1).optional(),
});

export type EightByEightCredentials = z.infer<typeof eightByEightCredentialsSchema>;

/** The channel's credentials when they are complete, else null. */
export function readEightByEightCredentials(value: unknown): EightByEightCredentials | null {
  const parsed = eightByEightCredentialsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
