// The Logs page's URL parameters that are filters (a plain module: the server page reads them too).
export const LOGS_FILTER_KEYS = [
  'subAccountId',
  'direction',
  'status',
  'channel',
  'country',
  'msisdn',
  'umid',
  'campaignId',
  'workflowId',
  'errorCode',
  'from',
  'to',
] as const;
