import { recipientClientMessageId } from '@/lib/campaigns/campaign-spec';

// A recipient's message key: "campaign:<id>:<row>" for the first send, "campaign:<id>:<row>:r<attempt>"
// for a retry. The send pipeline is idempotent on it per subaccount, so a crash, a restart or a resume
// that runs the same recipient again finds the first message instead of sending a second one, while
// retry-failed (attempt + 1) names a new message on purpose.

export function recipientMessageKey(campaignId: string, row: number, attempt: number): string {
  const key = recipientClientMessageId(campaignId, row);
  return attempt > 0 ? `${key}:r${attempt}` : key;
}

const KEY = /^campaign:([^:]+):(\d+)(?::r(\d+))?$/;

/** The campaign, row and attempt a message key names, or null for any other clientMessageId. */
export function parseRecipientMessageKey(key: string | null | undefined): { campaignId: string; row: number; attempt: number } | null {
  const m = key ? KEY.exec(key) : null;
  return m ? { campaignId: m[1]!, row: Number(m[2]), attempt: m[3] ? Number(m[3]) : 0 } : null;
}
