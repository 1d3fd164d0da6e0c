import type { JsonSchema } from '@/lib/api/openapi/operation';
import { ref } from '@/lib/api/openapi/zod-json-schema';

// Answers as JSON Schema. The routes build their answers from view functions (toApiMessage,
// templateJson, toTicketView, ...) rather than zod schemas, so these describe those views; the
// request side of the document always comes from the routes' own zod schemas.

const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const dateTime = (description?: string): JsonSchema => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
const int = (description?: string): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}) });
const obj = (properties: Record<string, JsonSchema>, required: string[] = [], description?: string): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length ? { required } : {}),
  ...(description ? { description } : {}),
});
const list = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
const nullable = (s: JsonSchema): JsonSchema => ({ anyOf: [s, { type: 'null' }] });

/** `{ data: [...], nextCursor }`: a cursor page, newest first. */
export const page = (item: string): JsonSchema =>
  obj({ data: list(ref(item)), nextCursor: { ...nullable(str()), description: 'Pass as ?cursor= for the next page; null on the last page.' } }, [
    'data',
    'nextCursor',
  ]);

const money = obj({ amount: { type: 'number' }, currency: str('ISO 4217, e.g. USD') }, ['amount', 'currency']);
const messageState = { type: 'string', enum: ['queued', 'sent', 'delivered', 'read', 'undelivered', 'rejected', 'received'] };

export const RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Error: obj(
    {
      code: int(
        'The 8x8 error code: 1002 invalid MSISDN, 1005 invalid parameter or unknown resource, 1200 unauthorized, 1201 forbidden, 3038/3040/3041 template errors.',
      ),
      message: str(),
      errorId: { type: 'string', format: 'uuid' },
      timestamp: dateTime(),
      errors: list(obj({ path: str('The field, e.g. content.template.name'), message: str() }, ['path', 'message'])),
    },
    ['code', 'message', 'errorId', 'timestamp'],
    'The 8x8 error shape, on every refusal.',
  ),
  Money: money,
  SendMessageResult: obj(
    { umid: { type: 'string', format: 'uuid' }, clientMessageId: str(), status: obj({ state: { ...messageState }, timestamp: dateTime() }, ['state']) },
    ['umid', 'status'],
  ),
  Message: obj(
    {
      umid: str(),
      subAccountId: str(),
      channel: { type: 'string', enum: ['whatsapp', 'sms', 'voice'] },
      direction: { type: 'string', enum: ['inbound', 'outbound'] },
      user: obj({ msisdn: str(), channelUserId: nullable(str()) }),
      type: str(),
      content: { type: 'object', additionalProperties: true },
      status: obj({ state: messageState, detail: str(), errorCode: int(), errorMessage: str(), timestamp: dateTime() }, ['state']),
      country: nullable(str('ISO 3166 alpha-2, from the number')),
      category: nullable({ type: 'string', enum: ['marketing', 'utility', 'authentication', 'service'] }),
      price: nullable(ref('Money')),
      templateName: str(),
      clientMessageId: str(),
      workflowId: str(),
      campaignId: str(),
      createdAt: dateTime(),
    },
    ['umid', 'subAccountId', 'channel', 'direction', 'user', 'type', 'status', 'createdAt'],
  ),
  UploadedFile: obj({ url: { type: 'string', format: 'uri' }, mimeType: str(), size: int('Bytes') }, ['url', 'mimeType', 'size']),
  Template: obj(
    {
      id: str(),
      channelId: str(),
      name: str(),
      language: str('e.g. en_US'),
      category: { type: 'string', enum: ['MARKETING', 'UTILITY', 'AUTHENTICATION'] },
      components: list({ type: 'object', additionalProperties: true }),
      status: { type: 'string', enum: ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'] },
      reason: str('Why the review rejected it'),
      qualityScore: nullable(str()),
      createdAt: dateTime(),
      updatedAt: dateTime(),
    },
    ['id', 'name', 'language', 'category', 'components', 'status'],
  ),
  Workflow: obj(
    {
      id: str(),
      version: int(),
      publishedVersion: nullable(int()),
      subAccountId: str(),
      trigger: { type: 'string', enum: ['inbound_chat_apps', 'inbound_sms', 'http_request'] },
      status: { type: 'string', enum: ['enabled', 'disabled'] },
      definition: obj({ name: str(), steps: list(ref('WorkflowStep')) }),
      createdAt: dateTime(),
      updatedAt: dateTime(),
      warnings: list(str()),
    },
    ['id', 'version', 'subAccountId', 'trigger', 'status', 'definition'],
  ),
  WorkflowInstance: obj(
    {
      workflowId: str('The instance (run) id'),
      definitionId: str('The workflow it runs'),
      version: int(),
      status: { type: 'string', enum: ['running', 'waiting', 'completed', 'failed', 'cancelled'] },
      createdAt: dateTime(),
      updatedAt: dateTime(),
      data: { type: 'object', additionalProperties: true, description: 'The run context' },
      steps: list(
        obj({ stepId: str(), stepType: str(), status: str(), startedAt: dateTime(), endedAt: nullable(dateTime()), inputs: {}, outputs: {}, error: str() }),
      ),
    },
    ['workflowId', 'definitionId', 'status'],
  ),
  InstanceError: obj({ stepId: str(), message: str(), timestamp: dateTime() }, ['stepId', 'message', 'timestamp']),
  Campaign: obj(
    {
      id: str(),
      name: str(),
      subAccountId: str(),
      template: obj({ name: str(), language: str() }),
      status: { type: 'string', enum: ['draft', 'scheduled', 'running', 'paused', 'completed', 'cancelled'] },
      counts: obj(
        Object.fromEntries(
          ['rows', 'valid', 'invalid', 'duplicates', 'optedOut', 'pending', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped'].map((k) => [k, int()]),
        ),
      ),
      estimate: obj({ messages: int(), cost: ref('Money'), tierRemaining24h: nullable(int()) }),
      ratePerSecond: int(),
      createdAt: dateTime(),
      startedAt: nullable(dateTime()),
      completedAt: nullable(dateTime()),
    },
    ['id', 'name', 'status', 'counts'],
    'The spec as given (parameters, schedule, recipients) beside these fields.',
  ),
  CampaignRecipient: obj(
    {
      row: int('The CSV line number (the header is 1)'),
      msisdn: str(),
      status: { type: 'string', enum: ['invalid', 'duplicate', 'opted_out', 'pending', 'sent', 'delivered', 'read', 'failed'] },
      errors: list(obj({ column: str(), code: int(), message: str() })),
      umid: str(),
      errorCode: int(),
    },
    ['row', 'msisdn', 'status'],
  ),
  CampaignPreview: obj({ row: int(), msisdn: str(), message: { type: 'object', additionalProperties: true, description: 'The send payload for that row' } }, [
    'row',
    'message',
  ]),
  Contact: obj(
    {
      msisdn: str(),
      name: nullable(str()),
      attributes: { type: 'object', additionalProperties: { type: 'string' } },
      tags: list(str()),
      optedOut: { type: 'boolean' },
      createdAt: dateTime(),
      updatedAt: dateTime(),
    },
    ['msisdn', 'attributes', 'tags', 'optedOut'],
  ),
  OptOut: obj({ msisdn: str(), source: { type: 'string', enum: ['keyword', 'api', 'console', 'import'] }, optedOutAt: dateTime(), name: nullable(str()) }, [
    'msisdn',
    'source',
    'optedOutAt',
  ]),
  Ticket: obj(
    {
      id: str(),
      subAccountId: str(),
      channel: str(),
      customer: obj({ msisdn: str(), name: str() }, ['msisdn']),
      status: { type: 'string', enum: ['queued', 'active', 'pending', 'resolved', 'closed'] },
      assigneeId: str(),
      workflowId: str(),
      unread: int(),
      lastMessageAt: dateTime(),
      createdAt: dateTime(),
      messages: list(ref('Message')),
      notes: list(obj({ id: str(), text: str(), authorId: str(), createdAt: dateTime() })),
    },
    ['id', 'subAccountId', 'customer', 'status'],
    'A list has no messages and notes; GET of one ticket adds them.',
  ),
  Agent: obj({ id: str(), name: str(), email: str(), role: { type: 'string', enum: ['agent', 'supervisor'] }, openTickets: int() }, ['id', 'name', 'role']),
  ConverseConfig: obj({ resolvedToClosedHours: { type: 'number' }, pendingToClosedHours: { type: 'number' }, maxAssignedTicketsPerAgent: int() }),
  Webhook: obj(
    {
      id: str(),
      url: { type: 'string', format: 'uri' },
      events: list(str()),
      subAccountId: nullable(str()),
      createdAt: dateTime(),
      secret: str('Only in the answer to POST'),
    },
    ['id', 'url', 'events'],
  ),
  UsageRow: obj(
    Object.fromEntries([
      ['period', str('Local date (2026-12-05), month (2026-12) or "total"')],
      ...['messages', 'delivered', 'read', 'undelivered', 'rejected', 'conversations'].map((k) => [k, int()]),
      ['cost', ref('Money')],
    ]),
    ['period', 'messages'],
    'Also carries the groupBy keys asked for (subAccount, channel, category, country, direction).',
  ),
  UsageReport: obj(
    { data: list(ref('UsageRow')), totals: { type: 'object', additionalProperties: true }, timeZone: str(), from: str(), to: str(), interval: str() },
    ['data', 'totals'],
  ),
  UsageSummary: obj({
    delivered: int(),
    undelivered: int(),
    deliveryRate: { type: 'number' },
    received: int(),
    conversationsByCategory: obj({ marketing: int(), utility: int(), authentication: int(), service: int() }),
    cost: ref('Money'),
  }),
  SubAccount: obj(
    {
      subAccountId: str(),
      accountId: str(),
      name: str(),
      channels: list(
        obj({ channelId: str(), channel: { type: 'string', enum: ['whatsapp', 'sms', 'voice'] }, name: str(), address: nullable(str()), provider: str() }),
      ),
    },
    ['subAccountId', 'accountId', 'name', 'channels'],
  ),
  TimeZone: obj({ id: str('Windows id, e.g. W. Europe Standard Time'), name: str() }, ['id', 'name']),
  // Provisioning (API.md "Provisioning").
  CustomerAccount: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string', enum: ['apac', 'eu', 'na', 'id'] },
      regionLabel: { type: 'string' },
      status: { type: 'string', enum: ['active', 'suspended'] },
      suspendedAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
      createdAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'name', 'region', 'status'],
  },
  Channel: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      subAccountId: { type: 'string' },
      kind: { type: 'string', enum: ['whatsapp', 'sms'] },
      name: { type: 'string' },
      address: { type: 'string', description: 'The number (E.164) or SMS sender id' },
      provider: { type: 'string', enum: ['sandbox', '8x8'] },
      credentials: { type: 'string', const: 'set', description: 'Present when credentials are stored; they are never answered' },
      createdAt: { type: 'string', format: 'date-time' },
    },
    required: ['id', 'subAccountId', 'kind', 'address', 'provider'],
  },
};
