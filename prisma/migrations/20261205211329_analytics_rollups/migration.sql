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

    PRIMARY KEY ("accountId", "day", "subAccountId", "channel", "direction", "category", "country")
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

    PRIMARY KEY ("accountId", "slot", "subAccountId", "channel", "direction", "category", "country")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Message" (
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
    "opensConversation" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_Message" ("accountId", "campaignId", "category", "channel", "channelId", "channelUserId", "clientMessageId", "content", "country", "createdAt", "currency", "direction", "errorCode", "errorMessage", "id", "msisdn", "priceMicros", "referral", "rendered", "status", "statusAt", "statusDetail", "subAccountId", "templateLanguage", "templateName", "type", "workflowId") SELECT "accountId", "campaignId", "category", "channel", "channelId", "channelUserId", "clientMessageId", "content", "country", "createdAt", "currency", "direction", "errorCode", "errorMessage", "id", "msisdn", "priceMicros", "referral", "rendered", "status", "statusAt", "statusDetail", "subAccountId", "templateLanguage", "templateName", "type", "workflowId" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_subAccountId_createdAt_id_idx" ON "Message"("subAccountId", "createdAt", "id");
CREATE INDEX "Message_logs_direction_idx" ON "Message"("subAccountId", "direction", "createdAt", "id", "channel", "country");
CREATE INDEX "Message_logs_msisdn_idx" ON "Message"("subAccountId", "msisdn", "createdAt", "id", "direction", "channel");
CREATE INDEX "Message_logs_status_idx" ON "Message"("subAccountId", "status", "createdAt", "id", "direction", "channel", "country");
CREATE INDEX "Message_logs_channel_idx" ON "Message"("subAccountId", "channel", "createdAt", "id", "direction", "country");
CREATE INDEX "Message_logs_country_idx" ON "Message"("subAccountId", "country", "createdAt", "id", "direction", "channel");
CREATE INDEX "Message_accountId_createdAt_idx" ON "Message"("accountId", "createdAt");
CREATE INDEX "Message_logs_campaign_idx" ON "Message"("subAccountId", "campaignId", "createdAt", "id");
CREATE INDEX "Message_logs_workflow_idx" ON "Message"("subAccountId", "workflowId", "createdAt", "id");
CREATE UNIQUE INDEX "Message_subAccountId_clientMessageId_key" ON "Message"("subAccountId", "clientMessageId");
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "messagingTier" TEXT NOT NULL DEFAULT 'TIER_1K',
    "messagingTierSince" DATETIME,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Account_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("createdAt", "id", "messagingTier", "messagingTierSince", "name", "partnerId") SELECT "createdAt", "id", "messagingTier", "messagingTierSince", "name", "partnerId" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE INDEX "Account_partnerId_idx" ON "Account"("partnerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
