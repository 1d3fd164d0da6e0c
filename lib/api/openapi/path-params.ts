// What each path parameter names, shared by every operation that has it (an operation may say better).
export const PATH_PARAM_DESCRIPTIONS: Record<string, string> = {
  accountId: 'Your account id: the API key’s own account (another id answers 404)',
  subAccountId: 'A subaccount of your account (GET /accounts/{accountId}/subaccounts lists them)',
  channelId: 'A channel of your account',
  name: 'The template name',
  id: 'The id, as its list or creation answered it',
  umid: 'The message id (umid) the send answered',
  workflowId: 'The workflow run (instance) id',
  msisdn: 'The number in E.164',
};
