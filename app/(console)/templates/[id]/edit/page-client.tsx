'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft, Info } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { TemplateDesigner } from '@/components/template-designer/template-designer';
import type { DesignerState } from '@/components/template-designer/draft-model';
import type { DesignerLocks } from '@/components/template-designer/details-fields';
import type { TemplateChannel } from '@/lib/templates/list-template-channels';
import { editTemplateAction } from '../../actions';
import { uploadTemplateMediaAction } from '../../media-actions';

export function EditTemplateClient({
  accountId,
  id,
  name,
  status,
  version,
  blocked,
  channels,
  initial,
  locks,
  liveNote,
}: {
  accountId: string;
  id: string;
  name: string;
  status: string;
  version: number;
  blocked: string | null;
  channels: TemplateChannel[];
  initial: DesignerState;
  locks: DesignerLocks;
  liveNote: string | null;
}) {
  const router = useRouter();
  const back = (
    <Button variant="outline" asChild>
      <Link href={`/templates/${id}`}>
        <ArrowLeft /> Back to template
      </Link>
    </Button>
  );
  return (
    <>
      <PageHeader
        title={`Edit ${name}`}
        description={
          status === 'APPROVED'
            ? 'Change the content and submit it: WhatsApp reviews the new version while the approved one keeps sending.'
            : 'Fix what WhatsApp objected to and submit it for review again.'
        }
        actions={back}
      />
      {blocked ? (
        <p className="rounded-md border border-dashed p-4 text-sm" role="alert" data-testid="edit-blocked">
          {blocked}
        </p>
      ) : (
        <>
          {liveNote && (
            <p className="mb-4 flex items-start gap-2 rounded-md border bg-muted/40 p-3 text-sm" data-testid="edit-live-note">
              <Info className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden /> {liveNote}
            </p>
          )}
          <TemplateDesigner
            accountId={accountId}
            channels={channels}
            initial={initial}
            draftKey={`edit-${id}-v${version}`}
            restore
            locks={locks}
            submitLabel={`Submit version ${version + 1} for review`}
            canSubmit
            submit={({ payload }) => editTemplateAction({ id, payload })}
            uploadMedia={uploadTemplateMediaAction}
            onSubmitted={() => {
              router.push(`/templates/${id}`);
              router.refresh();
            }}
          />
        </>
      )}
    </>
  );
}
