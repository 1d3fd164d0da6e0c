'use client';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { SendTemplateForm, type SendableTemplate } from '@/components/template-designer/send-template-form';
import type { TemplateSender } from '@/lib/templates/list-template-senders';
import { sendTemplateAction } from '../../send-actions';

export function SendTemplateClient({
  template,
  senders,
  phones,
}: {
  template: SendableTemplate & { status: string };
  senders: TemplateSender[];
  phones: string[];
}) {
  return (
    <>
      <PageHeader
        title={`Send ${template.name}`}
        description="Send this approved template to one customer now, through the same pipeline as the API. Sandbox numbers show it on the Simulator."
        actions={
          <Button variant="outline" asChild>
            <Link href={`/templates/${template.id}`}>
              <ArrowLeft /> Back to template
            </Link>
          </Button>
        }
      />
      {template.status !== 'APPROVED' || senders.length === 0 ? (
        <p className="rounded-md border border-dashed p-4 text-sm" role="alert" data-testid="send-unavailable">
          Only an approved template can be sent, from a subaccount where it is approved. This one is {template.status.toLowerCase()}.
        </p>
      ) : (
        <SendTemplateForm template={template} senders={senders} phones={phones} send={sendTemplateAction} />
      )}
    </>
  );
}
