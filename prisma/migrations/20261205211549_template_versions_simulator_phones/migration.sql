-- CreateTable
CREATE TABLE "SimulatorPhone" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Template" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "reviewDueAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "pendingComponents" JSONB,
    "pendingReviewDueAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Template" ("accountId", "category", "channelId", "components", "createdAt", "id", "language", "name", "qualityScore", "reason", "reviewDueAt", "status", "subAccountId", "updatedAt") SELECT "accountId", "category", "channelId", "components", "createdAt", "id", "language", "name", "qualityScore", "reason", "reviewDueAt", "status", "subAccountId", "updatedAt" FROM "Template";
DROP TABLE "Template";
ALTER TABLE "new_Template" RENAME TO "Template";
CREATE INDEX "Template_subAccountId_name_language_status_idx" ON "Template"("subAccountId", "name", "language", "status");
CREATE INDEX "Template_accountId_createdAt_idx" ON "Template"("accountId", "createdAt");
CREATE INDEX "Template_status_reviewDueAt_idx" ON "Template"("status", "reviewDueAt");
CREATE INDEX "Template_pendingReviewDueAt_idx" ON "Template"("pendingReviewDueAt");
CREATE UNIQUE INDEX "Template_channelId_name_language_key" ON "Template"("channelId", "name", "language");
CREATE TABLE "new_TemplateStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "templateId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "reason" TEXT,
    "fromCategory" TEXT,
    "toCategory" TEXT,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TemplateStatusChange_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_TemplateStatusChange" ("createdAt", "fromCategory", "fromStatus", "id", "reason", "source", "templateId", "toCategory", "toStatus") SELECT "createdAt", "fromCategory", "fromStatus", "id", "reason", "source", "templateId", "toCategory", "toStatus" FROM "TemplateStatusChange";
DROP TABLE "TemplateStatusChange";
ALTER TABLE "new_TemplateStatusChange" RENAME TO "TemplateStatusChange";
CREATE INDEX "TemplateStatusChange_templateId_createdAt_idx" ON "TemplateStatusChange"("templateId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SimulatorPhone_userId_accountId_msisdn_key" ON "SimulatorPhone"("userId", "accountId", "msisdn");
