-- PostgreSQL starts here, with the whole schema as of SQLite migration 20261206004248_onboarding_carriers:
-- no PostgreSQL database existed before it, so none of the steps (or data fixes) that led there apply.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "MessageRollupDay" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "undelivered" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "received" INTEGER NOT NULL DEFAULT 0,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "costMicros" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MessageRollupDay_pkey" PRIMARY KEY ("accountId","day","subAccountId","channel","direction","category","country")
);

-- CreateTable
CREATE TABLE "MessageRollupSlot" (
    "accountId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "undelivered" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "received" INTEGER NOT NULL DEFAULT 0,
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "costMicros" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MessageRollupSlot_pkey" PRIMARY KEY ("accountId","slot","subAccountId","channel","direction","category","country")
);

-- CreateTable
CREATE TABLE "MessageErrorRollupDay" (
    "accountId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "errorCode" INTEGER NOT NULL,
    "messages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MessageErrorRollupDay_pkey" PRIMARY KEY ("accountId","day","subAccountId","channel","errorCode")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "permissions" JSONB NOT NULL,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "roleId" TEXT,
    "allAccounts" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserAccountAccess" (
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,

    CONSTRAINT "UserAccountAccess_pkey" PRIMARY KEY ("userId","accountId")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "scopes" JSONB,
    "rateLimit" INTEGER,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "accountId" TEXT,
    "actorUserId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "changes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "userAgent" TEXT,
    "ipAddress" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Workflow" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latestVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowVersion" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "layout" JSONB,
    "note" TEXT,
    "publishedAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowInstance" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "definitionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "currentStepId" TEXT,
    "callStack" JSONB,
    "stepCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "waitKind" TEXT,
    "waitKey" TEXT,
    "waitUntil" TIMESTAMP(3),
    "waitAddress" TEXT,
    "resume" JSONB,
    "waitSeq" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "crashCount" INTEGER NOT NULL DEFAULT 0,
    "crashError" TEXT,
    "trigger" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "WorkflowInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowStepRun" (
    "id" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "stepId" TEXT NOT NULL,
    "stepType" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "inputs" JSONB,
    "outputs" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "WorkflowStepRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "templateName" TEXT NOT NULL,
    "templateLanguage" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "audienceFileId" TEXT,
    "columns" JSONB NOT NULL,
    "slotKeys" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "stopReason" TEXT,
    "ratePerSecond" INTEGER NOT NULL,
    "estimate" JSONB,
    "scheduledAt" TIMESTAMP(3),
    "rows" INTEGER NOT NULL DEFAULT 0,
    "valid" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "optedOut" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "campaignId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "msisdn" TEXT NOT NULL,
    "country" TEXT,
    "status" TEXT NOT NULL,
    "values" JSONB,
    "errors" JSONB,
    "dueAt" TIMESTAMP(3),
    "umid" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "errorCode" INTEGER,
    "errorMessage" TEXT,
    "updatedAt" TIMESTAMP(3),

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("campaignId","row")
);

-- CreateTable
CREATE TABLE "Contact" (
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "name" TEXT,
    "attributes" JSONB NOT NULL,
    "tags" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("accountId","msisdn")
);

-- CreateTable
CREATE TABLE "ContactTag" (
    "accountId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,

    CONSTRAINT "ContactTag_pkey" PRIMARY KEY ("accountId","tag","msisdn")
);

-- CreateTable
CREATE TABLE "OptOut" (
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "optedOutAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OptOut_pkey" PRIMARY KEY ("accountId","msisdn")
);

-- CreateTable
CREATE TABLE "ConverseTicket" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "customerName" TEXT,
    "status" TEXT NOT NULL,
    "assigneeId" TEXT,
    "workflowId" TEXT,
    "definitionId" TEXT,
    "unread" INTEGER NOT NULL DEFAULT 0,
    "lastMessageAt" TIMESTAMP(3) NOT NULL,
    "waitingSince" TIMESTAMP(3),
    "statusAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ConverseTicket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConverseNote" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConverseNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConverseConfig" (
    "accountId" TEXT NOT NULL,
    "resolvedToClosedHours" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "pendingToClosedHours" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "maxAssignedTicketsPerAgent" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConverseConfig_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "CannedResponse" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "shortcut" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CannedResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT,
    "eventType" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMP(3),

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channelId" TEXT,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "channelUserId" TEXT NOT NULL,
    "country" TEXT,
    "type" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "rendered" JSONB,
    "templateName" TEXT,
    "templateLanguage" TEXT,
    "category" TEXT,
    "priceMicros" INTEGER,
    "currency" TEXT,
    "status" TEXT NOT NULL,
    "statusDetail" TEXT,
    "errorCode" INTEGER,
    "errorMessage" TEXT,
    "statusAt" TIMESTAMP(3) NOT NULL,
    "clientMessageId" TEXT,
    "workflowId" TEXT,
    "campaignId" TEXT,
    "referral" JSONB,
    "opensConversation" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageStatusChange" (
    "id" SERIAL NOT NULL,
    "messageId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "detail" TEXT,
    "errorCode" INTEGER,
    "errorMessage" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageJob" (
    "id" SERIAL NOT NULL,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MessageJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationWindow" (
    "subAccountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "cswExpiresAt" TIMESTAMP(3),
    "fepEligibleUntil" TIMESTAMP(3),
    "fepExpiresAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationWindow_pkey" PRIMARY KEY ("subAccountId","msisdn")
);

-- CreateTable
CREATE TABLE "BusinessConversation" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessConversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateCardEntry" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "callingCode" TEXT NOT NULL,
    "fromVolume" INTEGER NOT NULL DEFAULT 0,
    "priceMicros" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateCardEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyVolume" (
    "accountId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MonthlyVolume_pkey" PRIMARY KEY ("accountId","month","category")
);

-- CreateTable
CREATE TABLE "CarrierMessage" (
    "channelId" TEXT NOT NULL,
    "carrierId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CarrierMessage_pkey" PRIMARY KEY ("channelId","carrierId")
);

-- CreateTable
CREATE TABLE "PasswordLink" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimulatorPhone" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SimulatorPhone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Template" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "components" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "reason" TEXT,
    "qualityScore" TEXT NOT NULL DEFAULT 'UNKNOWN',
    "reviewDueAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "pendingComponents" JSONB,
    "pendingReviewDueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TemplateStatusChange" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "reason" TEXT,
    "fromCategory" TEXT,
    "toCategory" TEXT,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "messagingTier" TEXT NOT NULL DEFAULT 'TIER_1K',
    "messagingTierSince" TIMESTAMP(3),
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "region" TEXT NOT NULL DEFAULT 'apac',
    "suspendedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubAccount" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'sandbox',
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "rateLimitPerSecond" INTEGER NOT NULL DEFAULT 80,
    "credentials" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT,
    "url" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" SERIAL NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Role_partnerId_name_key" ON "Role"("partnerId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_partnerId_idx" ON "User"("partnerId");

-- CreateIndex
CREATE INDEX "UserAccountAccess_accountId_idx" ON "UserAccountAccess"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_accountId_idx" ON "ApiKey"("accountId");

-- CreateIndex
CREATE INDEX "AuditEvent_partnerId_createdAt_idx" ON "AuditEvent"("partnerId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "Workflow_accountId_deletedAt_idx" ON "Workflow"("accountId", "deletedAt");

-- CreateIndex
CREATE INDEX "Workflow_subAccountId_trigger_status_idx" ON "Workflow"("subAccountId", "trigger", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowVersion_workflowId_version_key" ON "WorkflowVersion"("workflowId", "version");

-- CreateIndex
CREATE INDEX "WorkflowInstance_accountId_createdAt_idx" ON "WorkflowInstance"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowInstance_definitionId_createdAt_idx" ON "WorkflowInstance"("definitionId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitUntil_idx" ON "WorkflowInstance"("waitUntil");

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitKey_createdAt_idx" ON "WorkflowInstance"("waitKey", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitAddress_createdAt_idx" ON "WorkflowInstance"("waitAddress", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowInstance_leaseUntil_idx" ON "WorkflowInstance"("leaseUntil");

-- CreateIndex
CREATE INDEX "WorkflowInstance_finishedAt_idx" ON "WorkflowInstance"("finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowStepRun_instanceId_seq_key" ON "WorkflowStepRun"("instanceId", "seq");

-- CreateIndex
CREATE INDEX "Campaign_accountId_createdAt_idx" ON "Campaign"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Campaign_accountId_status_createdAt_idx" ON "Campaign"("accountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Campaign_status_scheduledAt_idx" ON "Campaign"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_campaignId_status_row_idx" ON "CampaignRecipient"("campaignId", "status", "row");

-- CreateIndex
CREATE INDEX "CampaignRecipient_due_idx" ON "CampaignRecipient"("campaignId", "status", "dueAt", "row");

-- CreateIndex
CREATE INDEX "Contact_accountId_updatedAt_msisdn_idx" ON "Contact"("accountId", "updatedAt", "msisdn");

-- CreateIndex
CREATE INDEX "ContactTag_accountId_msisdn_idx" ON "ContactTag"("accountId", "msisdn");

-- CreateIndex
CREATE INDEX "OptOut_accountId_optedOutAt_idx" ON "OptOut"("accountId", "optedOutAt");

-- CreateIndex
CREATE INDEX "ConverseTicket_accountId_status_createdAt_idx" ON "ConverseTicket"("accountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ConverseTicket_subAccountId_channel_msisdn_status_idx" ON "ConverseTicket"("subAccountId", "channel", "msisdn", "status");

-- CreateIndex
CREATE INDEX "ConverseTicket_accountId_assigneeId_status_idx" ON "ConverseTicket"("accountId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "ConverseTicket_status_statusAt_idx" ON "ConverseTicket"("status", "statusAt");

-- CreateIndex
CREATE INDEX "ConverseTicket_accountId_updatedAt_idx" ON "ConverseTicket"("accountId", "updatedAt");

-- CreateIndex
CREATE INDEX "ConverseNote_ticketId_createdAt_idx" ON "ConverseNote"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CannedResponse_accountId_shortcut_key" ON "CannedResponse"("accountId", "shortcut");

-- CreateIndex
CREATE INDEX "Event_dispatchedAt_createdAt_idx" ON "Event"("dispatchedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Event_accountId_createdAt_idx" ON "Event"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "MediaFile_accountId_createdAt_idx" ON "MediaFile"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "MediaFile_subAccountId_idx" ON "MediaFile"("subAccountId");

-- CreateIndex
CREATE INDEX "Message_subAccountId_createdAt_id_idx" ON "Message"("subAccountId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_logs_direction_idx" ON "Message"("subAccountId", "direction", "createdAt", "id", "channel", "country");

-- CreateIndex
CREATE INDEX "Message_logs_msisdn_idx" ON "Message"("subAccountId", "msisdn", "createdAt", "id", "direction", "channel");

-- CreateIndex
CREATE INDEX "Message_logs_status_idx" ON "Message"("subAccountId", "status", "createdAt", "id", "direction", "channel", "country");

-- CreateIndex
CREATE INDEX "Message_logs_channel_idx" ON "Message"("subAccountId", "channel", "createdAt", "id", "direction", "country");

-- CreateIndex
CREATE INDEX "Message_logs_country_idx" ON "Message"("subAccountId", "country", "createdAt", "id", "direction", "channel");

-- CreateIndex
CREATE INDEX "Message_accountId_createdAt_idx" ON "Message"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_logs_campaign_idx" ON "Message"("subAccountId", "campaignId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_logs_workflow_idx" ON "Message"("subAccountId", "workflowId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Message_subAccountId_clientMessageId_key" ON "Message"("subAccountId", "clientMessageId");

-- CreateIndex
CREATE INDEX "MessageStatusChange_messageId_id_idx" ON "MessageStatusChange"("messageId", "id");

-- CreateIndex
CREATE INDEX "MessageJob_dueAt_idx" ON "MessageJob"("dueAt");

-- CreateIndex
CREATE INDEX "BusinessConversation_accountId_openedAt_idx" ON "BusinessConversation"("accountId", "openedAt");

-- CreateIndex
CREATE INDEX "BusinessConversation_accountId_msisdn_openedAt_idx" ON "BusinessConversation"("accountId", "msisdn", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RateCardEntry_accountId_category_callingCode_fromVolume_key" ON "RateCardEntry"("accountId", "category", "callingCode", "fromVolume");

-- CreateIndex
CREATE INDEX "CarrierMessage_messageId_idx" ON "CarrierMessage"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordLink_tokenHash_key" ON "PasswordLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordLink_userId_idx" ON "PasswordLink"("userId");

-- CreateIndex
CREATE INDEX "PasswordLink_partnerId_idx" ON "PasswordLink"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "SimulatorPhone_userId_accountId_msisdn_key" ON "SimulatorPhone"("userId", "accountId", "msisdn");

-- CreateIndex
CREATE INDEX "Template_subAccountId_name_language_status_idx" ON "Template"("subAccountId", "name", "language", "status");

-- CreateIndex
CREATE INDEX "Template_accountId_createdAt_idx" ON "Template"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Template_status_reviewDueAt_idx" ON "Template"("status", "reviewDueAt");

-- CreateIndex
CREATE INDEX "Template_pendingReviewDueAt_idx" ON "Template"("pendingReviewDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "Template_channelId_name_language_key" ON "Template"("channelId", "name", "language");

-- CreateIndex
CREATE INDEX "TemplateStatusChange_templateId_createdAt_idx" ON "TemplateStatusChange"("templateId", "createdAt");

-- CreateIndex
CREATE INDEX "Account_partnerId_idx" ON "Account"("partnerId");

-- CreateIndex
CREATE INDEX "SubAccount_accountId_idx" ON "SubAccount"("accountId");

-- CreateIndex
CREATE INDEX "Channel_subAccountId_idx" ON "Channel"("subAccountId");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_accountId_idx" ON "WebhookEndpoint"("accountId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_accountId_createdAt_idx" ON "WebhookDelivery"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_eventId_key" ON "WebhookDelivery"("endpointId", "eventId");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_id_idx" ON "WebhookAttempt"("deliveryId", "id");

-- AddForeignKey
ALTER TABLE "Role" ADD CONSTRAINT "Role_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAccountAccess" ADD CONSTRAINT "UserAccountAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserAccountAccess" ADD CONSTRAINT "UserAccountAccess_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowVersion" ADD CONSTRAINT "WorkflowVersion_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateStatusChange" ADD CONSTRAINT "TemplateStatusChange_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubAccount" ADD CONSTRAINT "SubAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Channel" ADD CONSTRAINT "Channel_subAccountId_fkey" FOREIGN KEY ("subAccountId") REFERENCES "SubAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
