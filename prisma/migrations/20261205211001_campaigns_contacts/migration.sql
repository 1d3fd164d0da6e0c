-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "scheduledAt" DATETIME,
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
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "completedAt" DATETIME
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
    "dueAt" DATETIME,
    "umid" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 0,
    "errorCode" INTEGER,
    "errorMessage" TEXT,
    "updatedAt" DATETIME,

    PRIMARY KEY ("campaignId", "row")
);

-- CreateTable
CREATE TABLE "Contact" (
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "name" TEXT,
    "attributes" JSONB NOT NULL,
    "tags" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "msisdn")
);

-- CreateTable
CREATE TABLE "ContactTag" (
    "accountId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,

    PRIMARY KEY ("accountId", "tag", "msisdn")
);

-- CreateTable
CREATE TABLE "OptOut" (
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "optedOutAt" DATETIME NOT NULL,

    PRIMARY KEY ("accountId", "msisdn")
);

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
CREATE INDEX "Message_logs_campaign_idx" ON "Message"("subAccountId", "campaignId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Message_logs_workflow_idx" ON "Message"("subAccountId", "workflowId", "createdAt", "id");
