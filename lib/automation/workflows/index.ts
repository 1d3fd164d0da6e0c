// Workflow definitions with versions: saving creates a version, publishing picks the one that runs.
export { createWorkflow, updateWorkflow, type SaveResult } from './save-workflow';
export { getWorkflow, listWorkflows, listWorkflowVersions, type WorkflowFilter } from './read-workflows';
export { deleteWorkflow, setWorkflowStatus, publishWorkflow, rollbackWorkflow } from './manage-workflow';
export { toApiWorkflow, type WorkflowRecord, type WorkflowVersionSummary } from './workflow-record';
export { parseWorkflowBody } from './parse-workflow-body';
