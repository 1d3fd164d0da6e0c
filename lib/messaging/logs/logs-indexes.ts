// The Message indexes the Logs API walks (prisma/schema/messaging.prisma). Each starts with
// (subAccountId, <filter>) and continues with (createdAt, id), so a page is the first `limit` entries
// of one index range read backwards, whatever the page number; the columns after (createdAt, id), where
// an index has them, let the other filters be checked without reading the table row.
export const LOGS_INDEX = {
  time: 'Message_subAccountId_createdAt_id_idx',
  msisdn: 'Message_logs_msisdn_idx',
  status: 'Message_logs_status_idx',
  country: 'Message_logs_country_idx',
  channel: 'Message_logs_channel_idx',
  direction: 'Message_logs_direction_idx',
  // These two hold nothing after (createdAt, id): a second filter is checked on the table row.
  campaignId: 'Message_logs_campaign_idx',
  workflowId: 'Message_logs_workflow_idx',
} as const;

export type LogsIndex = (typeof LOGS_INDEX)[keyof typeof LOGS_INDEX];
export type IndexedFilter = 'msisdn' | 'campaignId' | 'workflowId' | 'status' | 'country' | 'channel' | 'direction';
