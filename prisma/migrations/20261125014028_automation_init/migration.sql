-- CreateTable
CREATE TABLE "Workflow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latestVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WorkflowVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workflowId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "note" TEXT,
    "publishedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkflowVersion_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WorkflowInstance" (
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
    "waitSeq" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "trigger" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WorkflowStepRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "instanceId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "stepId" TEXT NOT NULL,
    "stepType" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "inputs" JSONB,
    "outputs" JSONB,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ConverseHandoff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "subAccountId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "msisdn" TEXT NOT NULL,
    "instanceId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" DATETIME
);

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
CREATE INDEX "WorkflowInstance_status_waitUntil_idx" ON "WorkflowInstance"("status", "waitUntil");

-- CreateIndex
CREATE INDEX "WorkflowInstance_status_leaseUntil_idx" ON "WorkflowInstance"("status", "leaseUntil");

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitKind_waitKey_status_createdAt_idx" ON "WorkflowInstance"("waitKind", "waitKey", "status", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowInstance_finishedAt_idx" ON "WorkflowInstance"("finishedAt");

-- CreateIndex
CREATE INDEX "WorkflowStepRun_instanceId_stepId_idx" ON "WorkflowStepRun"("instanceId", "stepId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowStepRun_instanceId_seq_key" ON "WorkflowStepRun"("instanceId", "seq");

-- CreateIndex
CREATE INDEX "ConverseHandoff_subAccountId_channel_msisdn_releasedAt_idx" ON "ConverseHandoff"("subAccountId", "channel", "msisdn", "releasedAt");
