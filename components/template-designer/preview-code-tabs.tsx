'use client';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { CodePanel } from '@/components/template-designer/code-panel';
import { TemplatePreview } from '@/components/template-designer/template-preview';
import type { TemplateComponent } from '@/lib/templates/template-schema';

type Props = {
  draft: { name: string; language: string; category: string; components: TemplateComponent[] };
  businessName: string;
  time?: string;
  code: { accountId: string; channelId: string; subAccountId?: string };
};

/** The phone preview and the code to send the template, side by side in tabs (designer and template page). */
export function PreviewCodeTabs({ draft, businessName, time, code }: Props) {
  return (
    <Tabs defaultValue="preview">
      <TabsList aria-label="Preview or code">
        <TabsTrigger value="preview">Preview</TabsTrigger>
        <TabsTrigger value="code">Code</TabsTrigger>
      </TabsList>
      <TabsContent value="preview">
        <TemplatePreview draft={draft} businessName={businessName} time={time} />
      </TabsContent>
      <TabsContent value="code">
        <CodePanel accountId={code.accountId} channelId={code.channelId} subAccountId={code.subAccountId} template={draft} />
      </TabsContent>
    </Tabs>
  );
}
