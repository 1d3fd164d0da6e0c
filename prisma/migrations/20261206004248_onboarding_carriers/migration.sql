-- AlterTable
ALTER TABLE "Channel" ADD COLUMN "credentials" TEXT;

-- CreateTable
CREATE TABLE "CarrierMessage" (
    "channelId" TEXT NOT NULL,
    "carrierId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("channelId", "carrierId")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "messagingTier" TEXT NOT NULL DEFAULT 'TIER_1K',
    "messagingTierSince" DATETIME,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "region" TEXT NOT NULL DEFAULT 'apac',
    "suspendedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Account_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("createdAt", "id", "messagingTier", "messagingTierSince", "name", "partnerId", "timeZone") SELECT "createdAt", "id", "messagingTier", "messagingTierSince", "name", "partnerId", "timeZone" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE INDEX "Account_partnerId_idx" ON "Account"("partnerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CarrierMessage_messageId_idx" ON "CarrierMessage"("messageId");

-- "Manage Accounts" (create, rename and suspend customer accounts) and "Manage Channels" (subaccounts
-- and channels) are new permissions. The built-in Partner Admin role holds every permission, so it gets
-- both; other roles are left as their admins made them.
UPDATE "Role"
SET "permissions" = json_insert("permissions", '$[#]', 'partners.accounts.manage')
WHERE "builtIn" = 1 AND "name" = 'Partner Admin'
  AND NOT EXISTS (SELECT 1 FROM json_each("Role"."permissions") WHERE "value" = 'partners.accounts.manage');

UPDATE "Role"
SET "permissions" = json_insert("permissions", '$[#]', 'settings.channels.manage')
WHERE "builtIn" = 1 AND "name" = 'Partner Admin'
  AND NOT EXISTS (SELECT 1 FROM json_each("Role"."permissions") WHERE "value" = 'settings.channels.manage');
