-- AlterTable
ALTER TABLE "WorkflowInstance" ADD COLUMN "resume" JSONB;
ALTER TABLE "WorkflowInstance" ADD COLUMN "waitAddress" TEXT;

-- CreateIndex
CREATE INDEX "WorkflowInstance_waitKind_waitAddress_status_createdAt_idx" ON "WorkflowInstance"("waitKind", "waitAddress", "status", "createdAt");
