import crypto from 'node:crypto';

/**
 * The phone_number_quality_update body, as the reference docs' "Sample Payload (Messaging Limit
 * Upgrade)": the number as WhatsApp displays it (digits, no "+") and the old and new limit.
 */
export function phoneQualityEventBody(
  address: string,
  change: { event: 'UPGRADE' | 'DOWNGRADE'; currentLimit: string; oldLimit: string },
  at: Date = new Date(),
) {
  return {
    eventId: crypto.randomUUID(),
    timestamp: at.toISOString(),
    provider: 'WhatsApp',
    eventType: 'phone_number_quality_update',
    eventDetails: {
      displayPhoneNumber: address.replace(/\D/g, ''),
      meta: { event: change.event, currentLimit: change.currentLimit, oldLimit: change.oldLimit },
    },
  };
}
