-- AlterTable
ALTER TABLE "WorkflowVersion" ADD COLUMN "layout" JSONB;
