-- DropIndex
DROP INDEX "ConverseHandoff_subAccountId_channel_msisdn_releasedAt_idx";

-- AlterTable
ALTER TABLE "ConverseTicket" ADD COLUMN "waitingSince" DATETIME;

-- Open hand-overs become queued tickets, so no customer stays muted with no agent able to see them: the
-- number in E.164 as messages store it, the contact's name, the workflow that handed over, and the
-- conversation's latest message as its last activity. Released hand-overs are history and go.
INSERT INTO "ConverseTicket" ("id", "accountId", "subAccountId", "channel", "msisdn", "customerName", "status", "assigneeId", "workflowId", "definitionId", "unread", "lastMessageAt", "waitingSince", "statusAt", "createdAt", "updatedAt", "closedAt")
SELECT h."id", h."accountId", h."subAccountId", h."channel", h."e164",
  (SELECT c."name" FROM "Contact" c WHERE c."accountId" = h."accountId" AND c."msisdn" = h."e164"),
  'queued', NULL, h."instanceId",
  (SELECT i."definitionId" FROM "WorkflowInstance" i WHERE i."id" = h."instanceId"),
  0,
  coalesce((SELECT max(m."createdAt") FROM "Message" m WHERE m."subAccountId" = h."subAccountId" AND m."msisdn" = h."e164"), h."createdAt"),
  h."createdAt", h."createdAt", h."createdAt", h."createdAt", NULL
FROM (
  SELECT *, CASE WHEN substr("msisdn", 1, 1) = '+' THEN "msisdn" ELSE '+' || "msisdn" END AS "e164"
  FROM "ConverseHandoff" WHERE "releasedAt" IS NULL
) h;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ConverseHandoff";
PRAGMA foreign_keys=on;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ConverseNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_ConverseNote" ("authorId", "authorLabel", "createdAt", "id", "text", "ticketId") SELECT "authorId", "authorId", "createdAt", "id", "text", "ticketId" FROM "ConverseNote";
DROP TABLE "ConverseNote";
ALTER TABLE "new_ConverseNote" RENAME TO "ConverseNote";
CREATE INDEX "ConverseNote_ticketId_createdAt_idx" ON "ConverseNote"("ticketId", "createdAt");
CREATE TABLE "new_ConverseConfig" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "resolvedToClosedHours" REAL NOT NULL DEFAULT 1,
    "pendingToClosedHours" REAL NOT NULL DEFAULT 1,
    "maxAssignedTicketsPerAgent" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ConverseConfig" ("accountId", "maxAssignedTicketsPerAgent", "pendingToClosedHours", "resolvedToClosedHours", "updatedAt") SELECT "accountId", "maxAssignedTicketsPerAgent", "pendingToClosedHours", "resolvedToClosedHours", "updatedAt" FROM "ConverseConfig";
DROP TABLE "ConverseConfig";
ALTER TABLE "new_ConverseConfig" RENAME TO "ConverseConfig";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ConverseTicket_accountId_updatedAt_idx" ON "ConverseTicket"("accountId", "updatedAt");
