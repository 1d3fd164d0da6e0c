-- CreateTable
CREATE TABLE "ConverseTicket" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "lastMessageAt" DATETIME NOT NULL,
    "statusAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ConverseNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConverseConfig" (
    "accountId" TEXT NOT NULL PRIMARY KEY,
    "resolvedToClosedHours" INTEGER NOT NULL DEFAULT 1,
    "pendingToClosedHours" INTEGER NOT NULL DEFAULT 1,
    "maxAssignedTicketsPerAgent" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CannedResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "shortcut" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ConverseTicket_accountId_status_createdAt_idx" ON "ConverseTicket"("accountId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ConverseTicket_subAccountId_channel_msisdn_status_idx" ON "ConverseTicket"("subAccountId", "channel", "msisdn", "status");

-- CreateIndex
CREATE INDEX "ConverseTicket_accountId_assigneeId_status_idx" ON "ConverseTicket"("accountId", "assigneeId", "status");

-- CreateIndex
CREATE INDEX "ConverseTicket_status_statusAt_idx" ON "ConverseTicket"("status", "statusAt");

-- CreateIndex
CREATE INDEX "ConverseNote_ticketId_createdAt_idx" ON "ConverseNote"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CannedResponse_accountId_shortcut_key" ON "CannedResponse"("accountId", "shortcut");
