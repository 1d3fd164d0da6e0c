// Workflow definitions with versions: the API's saves create a version, the editor saves over its open
// draft (see save-workflow-draft.ts), publishing picks the version that runs.
export { createWorkflow, updateWorkflow, type SaveResult } from './save-workflow';
export { saveWorkflowDraft, type DraftSaveResult } from './save-workflow-draft';
export { parseWorkflowLayout, type WorkflowLayout } from './workflow-layout';
export { getWorkflow, listWorkflows, listWorkflowVersions, type WorkflowFilter } from './read-workflows';
export { deleteWorkflow, setWorkflowStatus, publishWorkflow, rollbackWorkflow } from './manage-workflow';
export { toApiWorkflow, type WorkflowRecord, type WorkflowVersionSummary } from './workflow-record';
export { parseWorkflowBody } from './parse-workflow-body';
