// The 8x8 codes Parley answers with (reference: "Troubleshooting: API Errors" and delivery receipts).
export const INVALID_MSISDN = 1002;
export const INVALID_PARAMETER = 1005;
export const TEMPLATE_NOT_FOUND = 3038;
export const EMPTY_TEMPLATE_PARAMETERS = 3040;
export const INVALID_TEMPLATE_PARAMETER = 3041;

// Asynchronous (status.errorCode).
export const UNREACHABLE_DESTINATION = { code: 1003, message: 'Unreachable destination' } as const;
export const WINDOW_EXPIRED = { code: 1022, message: 'Message window expired' } as const;
// WhatsApp's code for a marketing message to a customer who stopped marketing messages.
export const OPTED_OUT = { code: 131050, message: 'The recipient opted out of marketing messages' } as const;
// The account's messaging-limit tier is used up (synchronous, HTTP 429).
export const MESSAGING_LIMIT_REACHED = 1030;

export const MESSAGE_STATES = ['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected'] as const;
export type OutboundState = (typeof MESSAGE_STATES)[number];
/** Inbound messages are stored with this state. */
export const RECEIVED = 'received';
