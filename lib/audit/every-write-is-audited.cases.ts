// The writes every-write-is-audited.test.ts drives, and the actions and routes that are not audited
// writes, each with its reason. Keyed "<file under app/> <export>" for server actions and
// "api/v1/<route file> <METHOD>" for REST routes.
import { A, ACCOUNTS, type AuditedWrite } from './every-write-is-audited.kit';
import { CONSOLE_WRITES } from './every-write-is-audited.console-cases';
import { API_WRITES } from './every-write-is-audited.api-cases';
import { CONVERSE_NOT_AUDITED, CONVERSE_WRITES } from './every-write-is-audited.converse-cases';
import { CARRIER_NOT_AUDITED } from './every-write-is-audited.carrier-cases';
import { PROVISIONING_NOT_AUDITED, PROVISIONING_WRITES } from './every-write-is-audited.provisioning-cases';

export type { Outcome } from './every-write-is-audited.kit';

export const AUDITED_WRITES: Record<string, AuditedWrite> = {
  ...CONSOLE_WRITES,
  ...API_WRITES,
  ...CONVERSE_WRITES,
  ...Object.fromEntries(PROVISIONING_WRITES),
};

/** Server actions and routes that are not audited writes, and why. */
export const NOT_AUDITED: Record<string, string> = {
  ...CONVERSE_NOT_AUDITED,
  ...CARRIER_NOT_AUDITED,
  ...PROVISIONING_NOT_AUDITED,
  [`${A.automation} getWorkflowVersionAction`]: 'reads only',
  [`${A.automation} listVersionsAction`]: 'reads only',
  [`${A.automation} instancePathAction`]: 'reads only',
  [`${A.automation} startTestRunAction`]: 'a test run of the editor’s draft: runs a workflow, changes no configuration',
  [`${A.automation} testRunReplyAction`]: 'the simulated customer’s reply: an inbound message, not a configuration write',
  '(console)/simulator/actions.ts loadConversationAction': 'reads only',
  '(console)/simulator/actions.ts customerReplyAction': 'the simulated customer’s message: an inbound message, not a configuration write',
  '(console)/simulator/actions.ts pressKeyAction': 'the simulated callee’s key press: DTMF input, not a configuration write',
  '(console)/templates/media-actions.ts uploadTemplateMediaAction': 'a sample file upload: stored media, not a configuration write',
  [`${A.templates} templateNameTakenAction`]: 'reads only',
  '(console)/templates/send-actions.ts sendTemplateAction': 'a send: recorded as the message and its status events',
  '(console)/simulator/actions.ts addSimulatorPhoneAction': 'the user’s own Simulator screen (which phones it shows), not a configuration write',
  '(console)/simulator/actions.ts removeSimulatorPhoneAction': 'the user’s own Simulator screen (which phones it shows), not a configuration write',
  '(console)/actions.ts switchAccount': 'sets the account cookie; nothing is stored',
  '(console)/actions.ts signOutAction': 'ends the session (sign-in and sign-out are recorded as sessions, not audit entries)',
  'signin/actions.ts signInAction': 'sign-in: throttled and recorded as a session, not an audit entry',
  [`${ACCOUNTS}/triggers/http_request/route.ts POST`]: 'starts runs of the account’s workflows: not a configuration write',
  'api/v1/subaccounts/[subAccountId]/messages/route.ts POST': 'a send: recorded as the message and its status events',
  'api/v1/subaccounts/[subAccountId]/files/route.ts POST': 'a media upload: stored media, not a configuration write',
  'api/v1/subaccounts/[subAccountId]/sandbox/inbound/route.ts POST': 'a simulated inbound message, not a configuration write',
  'api/v1/subaccounts/[subAccountId]/sandbox/dtmf/route.ts POST': 'a simulated key press, not a configuration write',
  ...Object.fromEntries(['POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [`api/v1/[...path]/route.ts ${m}`, 'no such endpoint: always a 404, writes nothing'])),
};
