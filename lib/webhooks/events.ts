// The event types a webhook can subscribe to (the reference docs' webhooks). Safe for client bundles.
export const WEBHOOK_EVENTS = [
  'inbound_message_received',
  'outbound_message_status_changed',
  'template_status_update',
  'template_quality_update',
  'template_category_update',
  'phone_number_quality_update',
] as const;
