import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ACCOUNT_OPERATIONS } from '@/lib/api/openapi/operations/account';
import { AUTOMATION_OPERATIONS } from '@/lib/api/openapi/operations/automation';
import { CAMPAIGN_OPERATIONS } from '@/lib/api/openapi/operations/campaigns';
import { CONTACT_OPERATIONS } from '@/lib/api/openapi/operations/contacts';
import { CONVERSE_OPERATIONS } from '@/lib/api/openapi/operations/converse';
import { MESSAGING_OPERATIONS } from '@/lib/api/openapi/operations/messaging';
import { TEMPLATE_OPERATIONS } from '@/lib/api/openapi/operations/templates';
import { PROVISIONING_OPERATIONS } from '@/lib/api/openapi/operations/provisioning';

/**
 * Every /api/v1 operation. A route added under app/api/v1 fails openapi-coverage.test.ts until it is
 * listed in one of these files (with the permission its withApiKey is given).
 */
export const API_OPERATIONS: ApiOperation[] = [
  ...MESSAGING_OPERATIONS,
  ...TEMPLATE_OPERATIONS,
  ...AUTOMATION_OPERATIONS,
  ...CAMPAIGN_OPERATIONS,
  ...CONTACT_OPERATIONS,
  ...CONVERSE_OPERATIONS,
  ...ACCOUNT_OPERATIONS,
  ...PROVISIONING_OPERATIONS,
];

/** The tags in reading order, with what each covers. */
export const API_TAGS: { name: string; description: string }[] = [
  { name: 'Messages', description: 'Send WhatsApp and SMS messages, upload media, read the message logs.' },
  { name: 'Templates', description: 'WhatsApp message templates: submit for review, list, read, delete.' },
  { name: 'Campaigns', description: 'Bulk sends from a CSV or a contacts tag, with preview, test, scheduling and per-recipient results.' },
  { name: 'Contacts', description: 'The account’s address book: names, attributes and tags by number.' },
  { name: 'Opt-outs', description: 'Numbers that asked for no marketing messages.' },
  { name: 'Workflows', description: 'Automations in the 8x8 Automation API format, and their triggers.' },
  { name: 'Workflow runs', description: 'Instances of workflows with their steps and errors.' },
  { name: 'Converse', description: 'The agent inbox: tickets, replies, notes, agents and settings.' },
  { name: 'Reports', description: 'Usage and delivery figures, as the Dashboard and Reports pages show them.' },
  { name: 'Webhooks', description: 'Where Parley posts events (inbound messages, status changes, template reviews).' },
  { name: 'Account', description: 'The account’s structure.' },
  { name: 'Provisioning', description: 'Customer accounts (partner keys), subaccounts and channels on the sandbox or 8x8.' },
  { name: 'Sandbox', description: 'The built-in sandbox channel: act as a customer.' },
  { name: 'Documentation', description: 'This document.' },
];

/** `/accounts/[accountId]/subaccounts` (a folder path under app/api/v1) as OpenAPI writes it. */
export const toOpenApiPath = (routePattern: string) => routePattern.replace(/\[([^\].]+)\]/g, '{$1}');

/** Whether the route at `routePattern` answers without an API key (its operations say `public`). */
export function isPublicRoute(routePattern: string): boolean {
  const path = toOpenApiPath(routePattern);
  return API_OPERATIONS.some((o) => o.path === path && o.public);
}
