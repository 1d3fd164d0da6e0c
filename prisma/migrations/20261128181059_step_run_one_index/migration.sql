-- DropIndex
DROP INDEX "WorkflowStepRun_instanceId_stepId_idx";
