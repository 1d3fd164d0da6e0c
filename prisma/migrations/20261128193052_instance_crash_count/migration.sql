-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WorkflowInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "waitUntil" DATETIME,
    "waitAddress" TEXT,
    "resume" JSONB,
    "waitSeq" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "crashCount" INTEGER NOT NULL DEFAULT 0,
    "crashError" TEXT,
    "trigger" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);
INSERT INTO "new_WorkflowInstance" ("accountId", "callStack", "createdAt", "currentStepId", "data", "definitionId", "error", "finishedAt", "id", "leaseOwner", "leaseUntil", "resume", "status", "stepCount", "subAccountId", "trigger", "updatedAt", "version", "waitAddress", "waitKey", "waitKind", "waitSeq", "waitUntil") SELECT "accountId", "callStack", "createdAt", "currentStepId", "data", "definitionId", "error", "finishedAt", "id", "leaseOwner", "leaseUntil", "resume", "status", "stepCount", "subAccountId", "trigger", "updatedAt", "version", "waitAddress", "waitKey", "waitKind", "waitSeq", "waitUntil" FROM "WorkflowInstance";
DROP TABLE "WorkflowInstance";
ALTER TABLE "new_WorkflowInstance" RENAME TO "WorkflowInstance";
CREATE INDEX "WorkflowInstance_accountId_createdAt_idx" ON "WorkflowInstance"("accountId", "createdAt");
CREATE INDEX "WorkflowInstance_definitionId_createdAt_idx" ON "WorkflowInstance"("definitionId", "createdAt");
CREATE INDEX "WorkflowInstance_waitUntil_idx" ON "WorkflowInstance"("waitUntil");
CREATE INDEX "WorkflowInstance_waitKey_createdAt_idx" ON "WorkflowInstance"("waitKey", "createdAt");
CREATE INDEX "WorkflowInstance_waitAddress_createdAt_idx" ON "WorkflowInstance"("waitAddress", "createdAt");
CREATE INDEX "WorkflowInstance_leaseUntil_idx" ON "WorkflowInstance"("leaseUntil");
CREATE INDEX "WorkflowInstance_finishedAt_idx" ON "WorkflowInstance"("finishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
