import crypto from 'node:crypto';
import { statusEventBody } from '@/lib/messaging/apply-status';
import { phoneQualityEventBody } from '@/lib/messaging/phone-quality-event-body';
import { templateCategoryEventBody, templateQualityEventBody, templateStatusEventBody } from '@/lib/templates/change-template-status';
import type { WEBHOOK_EVENTS } from '@/lib/webhooks/events';

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The sandbox customer and template a test event speaks of: plainly sample values. */
const SAMPLE = { msisdn: '+15551234567', channelUserId: '15551234567', template: 'parley_test_event' };

/**
 * A body of this event type exactly as Parley sends the real one (the builders the real events use),
 * filled with sample values, for Settings → Webhooks' "Send test event": a receiver is tried with the
 * shape it will get.
 */
export function sampleEventBody(eventType: WebhookEvent, where: { subAccountId: string; channelId: string | null; address: string | null }) {
  const now = new Date();
  const template = { name: SAMPLE.template, language: 'en_US', channelId: where.channelId ?? 'sample_channel' };
  switch (eventType) {
    case 'inbound_message_received':
      return {
        namespace: 'ChatApps',
        eventType,
        payload: {
          umid: crypto.randomUUID(),
          subAccountId: where.subAccountId,
          timestamp: now.toISOString(),
          user: { msisdn: SAMPLE.msisdn, channelUserId: SAMPLE.channelUserId },
          recipient: { channel: 'whatsapp', channelId: where.channelId },
          type: 'Text',
          content: { text: 'This is a test event from Parley' },
        },
      };
    case 'outbound_message_status_changed':
      return statusEventBody(
        {
          id: crypto.randomUUID(),
          subAccountId: where.subAccountId,
          channel: 'whatsapp',
          msisdn: SAMPLE.msisdn,
          channelUserId: SAMPLE.channelUserId,
          clientMessageId: null,
        },
        { state: 'delivered', detail: 'delivered_to_recipient', timestamp: now.toISOString() },
      );
    case 'template_status_update':
      return templateStatusEventBody(template, 'APPROVED', null);
    case 'template_category_update':
      return templateCategoryEventBody(template, 'UTILITY', 'MARKETING');
    case 'template_quality_update':
      return templateQualityEventBody(template, 'GREEN', 'YELLOW');
    case 'phone_number_quality_update':
      return phoneQualityEventBody(where.address ?? '+15550000000', { event: 'UPGRADE', currentLimit: 'TIER_10K', oldLimit: 'TIER_1K' }, now);
  }
}
