import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { db } from '@/lib/db/client';
import { listCannedResponses } from '@/lib/converse/canned-responses';
import { getConverseConfig } from '@/lib/converse/converse-config';
import { CannedResponsesEditor } from '@/components/converse/canned-responses-editor';
import { ConverseConfigForm } from '@/components/converse/converse-config-form';
import { requireConversePage } from '../converse-context';
import { createCannedAction, deleteCannedAction, saveConfigAction, updateCannedAction } from './actions';

export const metadata: Metadata = { title: 'Converse configuration' };

/** Only agents with a supervisor or administrator role can access the configuration page (reference docs). */
export default async function ConverseConfigurationPage() {
  const { viewer } = await requireConversePage();
  if (!viewer.supervisor) forbidden();
  const [config, canned] = await Promise.all([getConverseConfig(db, viewer), listCannedResponses(db, viewer)]);
  return (
    <ConverseConfigForm initial={config} save={saveConfigAction}>
      <CannedResponsesEditor initial={canned} actions={{ create: createCannedAction, update: updateCannedAction, remove: deleteCannedAction }} />
    </ConverseConfigForm>
  );
}
