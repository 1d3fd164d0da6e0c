// What each error code a message can fail with means, for the Dashboard's top errors and the Logs
// drawer. The 8x8 codes use the reference docs' own wording ("Troubleshooting: API Errors" and the
// delivery receipt example); the WhatsApp codes are Meta's, which 8x8 passes through in delivery
// receipts; 1003 and 1030 are the codes Parley itself answers with (lib/messaging/codes.ts).

export type ErrorMeaning = { code: number; title: string; meaning: string; source: '8x8' | 'WhatsApp' };

const CODES: ErrorMeaning[] = [
  // 8x8 (reference docs).
  {
    code: 1002,
    title: 'Invalid MSISDN',
    meaning: 'The user.msisdn value is missing, incorrectly formatted, or does not include the country code.',
    source: '8x8',
  },
  {
    code: 1003,
    title: 'Unreachable destination',
    meaning: 'The handset could not be reached (switched off or out of coverage); a later attempt may succeed.',
    source: '8x8',
  },
  {
    code: 1005,
    title: 'Invalid Parameter',
    meaning: 'A required field is missing (like content.template) or a field is misspelled. Check the message for details.',
    source: '8x8',
  },
  {
    code: 1022,
    title: 'Message window expired',
    meaning: 'A freeform message was sent outside the 24-hour customer service window; only an approved template can start the conversation again.',
    source: '8x8',
  },
  {
    code: 1030,
    title: 'Messaging limit reached',
    meaning: 'The account has used its WhatsApp messaging-limit tier (unique customers per rolling 24 hours).',
    source: '8x8',
  },
  { code: 1200, title: 'Unauthorized Access', meaning: 'Your Authorization: Bearer header is missing or your API key is incorrect.', source: '8x8' },
  { code: 3038, title: 'Template not found', meaning: 'The name or language in your send payload does not match any approved template.', source: '8x8' },
  {
    code: 3040,
    title: 'Empty template parameters',
    meaning: 'You sent a template that requires parameters (e.g., {{1}}), but you did not include a parameters array in your components object.',
    source: '8x8',
  },
  {
    code: 3041,
    title: 'Invalid Template parameter',
    meaning: 'You provided the wrong number of parameters (e.g., the template expected 2, you sent 1).',
    source: '8x8',
  },
  // WhatsApp (Meta's codes, as 8x8's delivery receipts carry them).
  { code: 130429, title: 'Rate limit hit', meaning: "The number reached WhatsApp's throughput limit; send more slowly and try again.", source: 'WhatsApp' },
  { code: 131000, title: 'Something went wrong', meaning: 'An unknown error on WhatsApp’s side, not caused by the message; try again.', source: 'WhatsApp' },
  { code: 131008, title: 'Required parameter is missing', meaning: 'The request is missing a required parameter.', source: 'WhatsApp' },
  { code: 131009, title: 'Parameter value is not valid', meaning: 'A value in the message is not valid for its field.', source: 'WhatsApp' },
  { code: 131016, title: 'Service unavailable', meaning: 'WhatsApp is temporarily unavailable; try again later.', source: 'WhatsApp' },
  { code: 131021, title: 'Recipient cannot be sender', meaning: 'The message was addressed to the business number itself.', source: 'WhatsApp' },
  {
    code: 131026,
    title: 'Message undeliverable',
    meaning: 'The number is not on WhatsApp, has not accepted its latest terms, or runs a version too old to receive this message.',
    source: 'WhatsApp',
  },
  {
    code: 131031,
    title: 'Account has been locked',
    meaning: 'The WhatsApp Business account was locked for a policy or integrity violation.',
    source: 'WhatsApp',
  },
  {
    code: 131042,
    title: 'Business eligibility payment issue',
    meaning: 'The account’s payment method has a problem, so paid messages cannot be sent.',
    source: 'WhatsApp',
  },
  {
    code: 131047,
    title: 'Re-engagement message',
    meaning: 'More than 24 hours have passed since the customer last replied; only a template can be sent.',
    source: 'WhatsApp',
  },
  {
    code: 131048,
    title: 'Spam rate limit hit',
    meaning: 'Too many recipients blocked or reported the number’s messages, so WhatsApp limited it.',
    source: 'WhatsApp',
  },
  {
    code: 131049,
    title: 'Not delivered to maintain healthy engagement',
    meaning: 'WhatsApp chose not to deliver this marketing message to keep the customer’s experience healthy; try later.',
    source: 'WhatsApp',
  },
  {
    code: 131050,
    title: 'User stopped marketing messages',
    meaning: 'The recipient opted out of marketing messages from the business; utility and authentication templates still go.',
    source: 'WhatsApp',
  },
  { code: 131051, title: 'Unsupported message type', meaning: 'WhatsApp does not support this type of message.', source: 'WhatsApp' },
  { code: 131052, title: 'Media download error', meaning: 'The customer’s media could not be downloaded.', source: 'WhatsApp' },
  { code: 131053, title: 'Media upload error', meaning: 'The media in the message could not be uploaded: check its URL, type and size.', source: 'WhatsApp' },
  {
    code: 131056,
    title: 'Pair rate limit hit',
    meaning: 'Too many messages to the same number in a short time; wait before sending to it again.',
    source: 'WhatsApp',
  },
  {
    code: 132000,
    title: 'Template parameter count mismatch',
    meaning: 'The number of parameters does not match the number of variables the template defines.',
    source: 'WhatsApp',
  },
  { code: 132001, title: 'Template does not exist', meaning: 'No approved template has this name in this language.', source: 'WhatsApp' },
  {
    code: 132005,
    title: 'Template hydrated text too long',
    meaning: 'The text with its parameters filled in is longer than WhatsApp allows.',
    source: 'WhatsApp',
  },
  {
    code: 132007,
    title: 'Template format character policy violated',
    meaning: 'A parameter breaks WhatsApp’s formatting rules (for example new lines, tabs or more than four spaces in a row).',
    source: 'WhatsApp',
  },
  { code: 132012, title: 'Template parameter format mismatch', meaning: 'A parameter is not of the type the template expects.', source: 'WhatsApp' },
  { code: 132015, title: 'Template is paused', meaning: 'The template was paused for low quality and cannot be sent until it is resumed.', source: 'WhatsApp' },
  { code: 132016, title: 'Template is disabled', meaning: 'The template was disabled for low quality and can no longer be sent.', source: 'WhatsApp' },
  { code: 132068, title: 'Flow is blocked', meaning: 'The WhatsApp Flow in the message is blocked.', source: 'WhatsApp' },
  { code: 132069, title: 'Flow is throttled', meaning: 'The WhatsApp Flow in the message is throttled; try again later.', source: 'WhatsApp' },
  {
    code: 133010,
    title: 'Phone number not registered',
    meaning: 'The business phone number is not registered on the WhatsApp Business Platform.',
    source: 'WhatsApp',
  },
];

const BY_CODE = new Map(CODES.map((c) => [c.code, c]));

/** Every code the catalog knows, in code order. */
export const ERROR_CATALOG: readonly ErrorMeaning[] = [...CODES].sort((a, b) => a.code - b.code);

/**
 * What the code means; null for a code nobody has described. A code of WhatsApp's 132000 range that is
 * not listed is still a template error, and is said to be one.
 */
export function errorMeaning(code: number | null | undefined): ErrorMeaning | null {
  if (code == null) return null;
  const known = BY_CODE.get(code);
  if (known) return known;
  if (code >= 132000 && code < 133000) {
    return {
      code,
      title: 'Template error',
      meaning: 'WhatsApp refused the template message: check the template and the parameters sent with it.',
      source: 'WhatsApp',
    };
  }
  return null;
}
