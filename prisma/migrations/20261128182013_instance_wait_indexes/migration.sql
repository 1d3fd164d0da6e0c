-- DropIndex
DROP INDEX "WorkflowInstance_status_waitUntil_idx";

-- DropIndex
DROP INDEX "WorkflowInstance_status_leaseUntil_idx";

-- DropIndex
DROP INDEX "WorkflowInstance_waitKind_waitKey_status_createdAt_idx";

-- DropIndex
DROP INDEX "WorkflowInstance_waitKind_waitAddress_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitUntil_idx" ON "WorkflowInstance"("waitUntil");

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitKey_createdAt_idx" ON "WorkflowInstance"("waitKey", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitAddress_createdAt_idx" ON "WorkflowInstance"("waitAddress", "createdAt");

-- CreateIndex
CREATE INDEX "WorkflowInstance_leaseUntil_idx" ON "WorkflowInstance"("leaseUntil");
