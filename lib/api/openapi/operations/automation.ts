import type { ApiOperation } from '@/lib/api/openapi/operation';
import { ref } from '@/lib/api/openapi/zod-json-schema';
import { workflowBodySchema } from '@/lib/automation/definition/definition-schema';
import { TRIGGERS, WORKFLOW_STATUSES } from '@/lib/automation/definition/step-types';
import { INSTANCE_STATUSES } from '@/lib/automation/instances/read-instances';
import chatAppsAutoReply from '@/lib/automation/examples/chat-apps-auto-reply.json';

// The reference's own example, as stored for the runner's tests.
const workflowExample = chatAppsAutoReply;
const list = (item: string) => ({ type: 'array', items: ref(item) });

export const AUTOMATION_OPERATIONS: ApiOperation[] = [
  {
    method: 'POST',
    path: '/accounts/{accountId}/workflows',
    operationId: 'createWorkflow',
    tag: 'Workflows',
    summary: 'Create a workflow',
    description:
      'The body of the 8x8 Automation API examples. The definition is validated (step types, step ids and targets, scripts, durations): a 400 names each problem. The workflow is saved and published.',
    permission: ['automation.edit', 'automation.publish'],
    body: { schema: workflowBodySchema, example: workflowExample },
    responses: { 201: { description: 'Created', schema: ref('Workflow') } },
    errors: [400],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/workflows',
    operationId: 'listWorkflows',
    tag: 'Workflows',
    summary: 'List workflows',
    permission: 'automation.view',
    query: [
      { name: 'subAccountId', schema: { type: 'string' } },
      { name: 'trigger', schema: { type: 'string', enum: TRIGGERS } },
      { name: 'status', schema: { type: 'string', enum: WORKFLOW_STATUSES } },
    ],
    responses: { 200: { description: 'The workflows', schema: list('Workflow') } },
    errors: [400],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/workflows/{id}',
    operationId: 'getWorkflow',
    tag: 'Workflows',
    summary: 'Get a workflow',
    permission: 'automation.view',
    query: [{ name: 'version', description: 'An earlier version (default: the latest)', schema: { type: 'integer', minimum: 1 } }],
    responses: { 200: { description: 'The workflow', schema: ref('Workflow') } },
    errors: [400, 404],
  },
  {
    method: 'PUT',
    path: '/accounts/{accountId}/workflows/{id}',
    operationId: 'updateWorkflow',
    tag: 'Workflows',
    summary: 'Replace a workflow',
    description: 'As with 8x8’s API, the new version is saved and published at once.',
    permission: ['automation.edit', 'automation.publish'],
    body: { schema: workflowBodySchema, example: workflowExample },
    responses: { 200: { description: 'The new version', schema: ref('Workflow') } },
    errors: [400, 404],
  },
  {
    method: 'DELETE',
    path: '/accounts/{accountId}/workflows/{id}',
    operationId: 'deleteWorkflow',
    tag: 'Workflows',
    summary: 'Delete a workflow',
    permission: 'automation.edit',
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/accounts/{accountId}/triggers/http_request',
    operationId: 'triggerHttpRequest',
    tag: 'Workflows',
    summary: 'Start http_request workflows',
    description: 'Starts every enabled `http_request` workflow of the subaccount with the JSON body as `data` (`{"price":"10"}` gives `{{data.price}}`).',
    permission: 'automation.publish',
    query: [{ name: 'subAccountId', required: true, schema: { type: 'string' } }],
    body: { schema: { type: 'object', additionalProperties: true }, required: false, example: { price: '10' } },
    responses: { 202: { description: 'Started', schema: { type: 'object', properties: { workflowIds: { type: 'array', items: { type: 'string' } } } } } },
    errors: [400, 404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/workflows/instances',
    operationId: 'listWorkflowInstances',
    tag: 'Workflow runs',
    summary: 'List workflow runs',
    permission: 'automation.view',
    query: [
      { name: 'definitionId', description: 'Runs of this workflow', schema: { type: 'string' } },
      { name: 'status', schema: { type: 'string', enum: INSTANCE_STATUSES } },
      { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 500 } },
    ],
    responses: { 200: { description: 'Most recent first', schema: list('WorkflowInstance') } },
    errors: [400],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/workflows/instances/{workflowId}',
    operationId: 'getWorkflowInstance',
    tag: 'Workflow runs',
    summary: 'Get a workflow run',
    description: 'Adds the run context (`data`) and every step with its evaluated inputs and outputs.',
    permission: 'automation.view',
    responses: { 200: { description: 'The run', schema: ref('WorkflowInstance') } },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/workflows/instances/{workflowId}/errors',
    operationId: 'listWorkflowInstanceErrors',
    tag: 'Workflow runs',
    summary: 'List a run’s errors',
    permission: 'automation.view',
    responses: { 200: { description: 'The errors', schema: list('InstanceError') } },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/accounts/{accountId}/steps/timezones',
    operationId: 'listTimeZones',
    tag: 'Workflows',
    summary: 'List time zones',
    description: 'Windows time zone ids, as the Wait steps take them.',
    permission: 'automation.view',
    query: [{ name: 'contains', description: 'Part of the id or name, e.g. europe', schema: { type: 'string' } }],
    responses: { 200: { description: 'The time zones', schema: list('TimeZone') } },
  },
];
