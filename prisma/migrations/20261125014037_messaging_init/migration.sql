-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "statusAt" DATETIME NOT NULL,
    "clientMessageId" TEXT,
    "workflowId" TEXT,
    "campaignId" TEXT,
    "referral" JSONB,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MessageStatusChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "detail" TEXT,
    "errorCode" INTEGER,
    "errorMessage" TEXT,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MessageJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB,
    "dueAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ConversationWindow" (
    "subAccountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "cswExpiresAt" DATETIME,
    "fepEligibleUntil" DATETIME,
    "fepExpiresAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("subAccountId", "msisdn")
);

-- CreateTable
CREATE TABLE "BusinessConversation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RateCardEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "callingCode" TEXT NOT NULL,
    "fromVolume" INTEGER NOT NULL DEFAULT 0,
    "priceMicros" INTEGER NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MonthlyVolume" (
    "accountId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("accountId", "month", "category")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT,
    "url" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "endpointId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deliveryId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "Message_subAccountId_createdAt_id_idx" ON "Message"("subAccountId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_subAccountId_direction_createdAt_id_idx" ON "Message"("subAccountId", "direction", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_subAccountId_msisdn_createdAt_id_idx" ON "Message"("subAccountId", "msisdn", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_subAccountId_status_createdAt_id_idx" ON "Message"("subAccountId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_subAccountId_channel_createdAt_id_idx" ON "Message"("subAccountId", "channel", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_subAccountId_country_createdAt_id_idx" ON "Message"("subAccountId", "country", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_accountId_createdAt_idx" ON "Message"("accountId", "createdAt");

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
