'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { ArrowLeft } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { TemplateDesigner } from '@/components/template-designer/template-designer';
import type { DesignerState } from '@/components/template-designer/draft-model';
import type { TemplateChannel } from '@/lib/templates/list-template-channels';
import { submitTemplateAction, templateNameTakenAction } from '../actions';
import { uploadTemplateMediaAction } from '../media-actions';

export function NewTemplateClient({
  accountId,
  channels,
  initial,
  mode,
  title,
  draftKey,
}: {
  accountId: string;
  channels: TemplateChannel[];
  initial: DesignerState;
  mode: 'new' | 'copy' | 'language';
  title: string;
  draftKey: string;
}) {
  const router = useRouter();
  return (
    <>
      <PageHeader
        title={title}
        description={
          mode === 'language'
            ? 'Same name and content, translated: choose the language and rewrite the texts.'
            : 'Build the message, check it on the phone preview, and submit it to WhatsApp for review.'
        }
        actions={
          <Button variant="outline" asChild>
            <Link href="/templates">
              <ArrowLeft /> All templates
            </Link>
          </Button>
        }
      />
      {channels.length === 0 ? (
        <p className="text-sm text-muted-foreground">This account has no WhatsApp channel yet: templates are submitted on a WhatsApp channel.</p>
      ) : (
        <TemplateDesigner
          accountId={accountId}
          channels={channels}
          initial={initial}
          draftKey={draftKey}
          restore={mode === 'new'}
          locks={mode === 'language' ? { name: 'A language version keeps the name of the template it translates.' } : undefined}
          canSubmit
          submit={submitTemplateAction}
          checkName={templateNameTakenAction}
          uploadMedia={uploadTemplateMediaAction}
          onSubmitted={(id) => router.push(`/templates/${id}`)}
        />
      )}
    </>
  );
}
