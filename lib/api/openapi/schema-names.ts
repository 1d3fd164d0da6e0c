import type { z } from 'zod';
import { stepSchema, workflowBodySchema } from '@/lib/automation/definition/definition-schema';
import { campaignSpecSchema } from '@/lib/campaigns/campaign-spec';
import { CONTENT_SCHEMAS, sendEnvelopeSchema } from '@/lib/messaging/send-schema';
import { templatePayloadSchema } from '@/lib/templates/template-schema';

// Component names for zod schemas that appear in several places or name a thing readers look for.
// Others are named after their operation (createWebhook's body: CreateWebhookRequest). The workflow
// step must have a name: it contains itself (a step's `do` holds steps).
export const SCHEMA_NAMES = new Map<z.ZodType, string>([
  [stepSchema, 'WorkflowStep'],
  [workflowBodySchema, 'WorkflowBody'],
  [sendEnvelopeSchema, 'SendMessageEnvelope'],
  [CONTENT_SCHEMAS.text, 'TextContent'],
  [CONTENT_SCHEMAS.template, 'TemplateContent'],
  [CONTENT_SCHEMAS.interactive, 'InteractiveContent'],
  // image, video, audio and document share one schema.
  [CONTENT_SCHEMAS.image, 'MediaContent'],
  [CONTENT_SCHEMAS.location, 'LocationContent'],
  [templatePayloadSchema, 'TemplatePayload'],
  [campaignSpecSchema, 'CampaignSpec'],
]);
