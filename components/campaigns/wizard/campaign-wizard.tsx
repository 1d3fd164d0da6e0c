'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { AlertCircle, ArrowLeft, ArrowRight, Loader2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { formatCount } from '@/components/campaigns/format';
import { AudienceStep, type AudienceKind, type ContactTagOption } from '@/components/campaigns/wizard/audience-step';
import { TemplateStep } from '@/components/campaigns/wizard/template-step';
import { MappingStep } from '@/components/campaigns/wizard/mapping-step';
import { WizardStepper } from '@/components/campaigns/wizard/wizard-stepper';
import { useCsvPreview } from '@/components/campaigns/wizard/use-csv-preview';
import { useFileUpload } from '@/components/campaigns/wizard/use-file-upload';
import {
  detectPhoneColumn,
  initialMapping,
  mappingFromParameters,
  mappingProblems,
  toParameters,
  type Mapping,
} from '@/components/campaigns/wizard/mapping-model';
import { fetchJson } from '@/components/campaigns/use-recipients';
import type { SubAccountOption, TemplateOption } from '@/components/campaigns/campaign-types';
import type { CampaignSpec } from '@/lib/campaigns/campaign-spec';
import { templateSlots } from '@/lib/templates/template-slots';

export type CreateCampaignInput = {
  spec: CampaignSpec;
  audience: { fileId: string } | { contactsTag: string };
  replaceDraftId?: string;
};
type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** A draft opened again at its mapping: its spec and stored audience. */
export type WizardDraft = {
  id: string;
  spec: CampaignSpec;
  templateId: string;
  audience: { fileId: string; label: string } | { contactsTag: string; label: string };
  columns: string[];
  /** The stored audience's first rows (a CSV's; a tag's come from the tag audience). */
  sample: string[][];
  rows: number;
};

const fileStem = (name: string) =>
  name
    .replace(/\.[^.]+$/, '')
    .replace(/[_-]+/g, ' ')
    .trim();

export function CampaignWizard({
  subAccounts,
  templates,
  tags,
  draft,
  initialStep = 0,
  uploadUrl,
  tagAudienceUrl,
  createAction,
}: {
  subAccounts: SubAccountOption[];
  templates: TemplateOption[];
  tags: ContactTagOption[] | null;
  draft: WizardDraft | null;
  /** Where a draft opens (the mapping by default); a new campaign starts at the audience. */
  initialStep?: number;
  uploadUrl: string;
  /** Answers a tag's audience columns and first contacts: `${tagAudienceUrl}?tag=vip`. */
  tagAudienceUrl: string;
  createAction: (input: CreateCampaignInput) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const { preview, start: parse, reset: resetParse } = useCsvPreview();
  const { upload, start: startUpload, cancel: cancelUpload, whenDone } = useFileUpload(uploadUrl);
  const [step, setStep] = React.useState(initialStep);
  const [reached, setReached] = React.useState(draft ? 2 : initialStep);
  const [name, setName] = React.useState(draft?.spec.name ?? '');
  const [kind, setKind] = React.useState<AudienceKind>(draft && 'contactsTag' in draft.audience ? 'tag' : 'file');
  const [tag, setTag] = React.useState(draft && 'contactsTag' in draft.audience ? draft.audience.contactsTag : '');
  const firstSub = subAccounts.find((s) => templates.some((t) => t.subAccountId === s.id))?.id ?? subAccounts[0]?.id ?? '';
  const [subAccountId, setSubAccountId] = React.useState(draft?.spec.subAccountId ?? firstSub);
  const [templateId, setTemplateId] = React.useState(draft?.templateId ?? '');
  const [msisdnColumn, setMsisdnColumn] = React.useState(draft?.spec.recipients.msisdnColumn ?? '');
  const [defaultCountry, setDefaultCountry] = React.useState(draft?.spec.recipients.defaultCountry ?? '');
  const [mapping, setMapping] = React.useState<Mapping>(draft ? mappingFromParameters(draft.spec.parameters) : {});
  const [saveTag, setSaveTag] = React.useState(draft?.spec.saveContactsTag ?? '');
  const [attempted, setAttempted] = React.useState<number | null>(null);
  const [serverErrors, setServerErrors] = React.useState<Record<string, string>>({});
  const [formError, setFormError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState<{ phase: 'upload' | 'import'; since: number } | null>(null);

  const template = templates.find((t) => t.id === templateId && t.subAccountId === subAccountId) ?? null;
  const slots = React.useMemo(() => (template ? templateSlots(template) : []), [template]);
  const tagAudience = useQuery({
    queryKey: ['tag-audience', tag],
    queryFn: () => fetchJson<{ columns: string[]; sample: string[][]; count: number }>(`${tagAudienceUrl}?tag=${encodeURIComponent(tag)}`),
    enabled: kind === 'tag' && !!tag,
    staleTime: 60_000,
  });
  const columnsKey = (draft ? draft.columns : kind === 'file' ? preview.columns : (tagAudience.data?.columns ?? [])).join('\u0000');
  // Keyed by content: the preview republishes its state every frame while reading.
  const columns = React.useMemo(() => (columnsKey ? columnsKey.split('\u0000') : []), [columnsKey]);
  const sample = kind === 'tag' ? (tagAudience.data?.sample ?? []) : draft ? draft.sample : preview.sample;
  const sub = subAccounts.find((s) => s.id === subAccountId);

  // A new file or template proposes a phone column and keeps what was already mapped where it still fits.
  React.useEffect(() => {
    if (draft || kind !== 'file' || !preview.columns.length) return;
    setMsisdnColumn((c) => (c && preview.columns.includes(c) ? c : (detectPhoneColumn(preview.columns, preview.sample) ?? '')));
  }, [draft, kind, preview.columns, preview.sample]);
  React.useEffect(() => {
    if (kind === 'tag' && !draft) setMsisdnColumn('msisdn');
  }, [kind, draft]);
  React.useEffect(() => {
    setMapping((m) => initialMapping(slots, columns, m));
  }, [slots, columns]);

  const problems = { ...mappingProblems(slots, mapping, columns), ...slotServerErrors(serverErrors) };
  const audienceReady = draft
    ? true
    : kind === 'tag'
      ? !!tag && !!tagAudience.data?.count
      : preview.status === 'done' && upload.status !== 'error' && upload.status !== 'idle';
  const blockers: Record<number, string | null> = {
    0: !name.trim()
      ? 'Name the campaign'
      : !audienceReady
        ? kind === 'tag'
          ? 'Choose a tag'
          : preview.status === 'reading'
            ? 'Reading the file…'
            : 'Add a CSV file'
        : null,
    1: !template ? 'Choose a template' : null,
    2:
      kind === 'file' && !msisdnColumn
        ? 'Choose the phone number column'
        : Object.keys(problems).length
          ? `${Object.keys(problems).length} variable(s) not mapped yet`
          : null,
  };
  const show = attempted === step;

  function onFile(f: File) {
    setName((n) => n || fileStem(f.name));
    setServerErrors({});
    void parse(f);
    startUpload(f);
  }

  function go(to: number) {
    setFormError(null);
    setStep(to);
    setReached((r) => Math.max(r, to));
    window.scrollTo({ top: 0 });
  }

  function next() {
    setAttempted(step);
    if (blockers[step]) return;
    setAttempted(null);
    if (step < 2) go(step + 1);
    else void review();
  }

  async function review() {
    if (!template) return;
    setFormError(null);
    setServerErrors({});
    try {
      let audience: CreateCampaignInput['audience'];
      if (draft) audience = 'fileId' in draft.audience ? { fileId: draft.audience.fileId } : { contactsTag: draft.audience.contactsTag };
      else if (kind === 'tag') audience = { contactsTag: tag };
      else {
        setBusy({ phase: 'upload', since: Date.now() });
        audience = { fileId: await whenDone() };
      }
      setBusy({ phase: 'import', since: Date.now() });
      const spec: CampaignSpec = {
        name: name.trim(),
        subAccountId,
        template: { name: template.name, language: template.language },
        recipients: { ...(msisdnColumn ? { msisdnColumn } : {}), ...(defaultCountry ? { defaultCountry } : {}) },
        parameters: toParameters(slots, mapping),
        ...(draft?.spec.schedule ? { schedule: draft.spec.schedule } : {}),
        ...(draft?.spec.ratePerSecond ? { ratePerSecond: draft.spec.ratePerSecond } : {}),
        ...(saveTag.trim() ? { saveContactsTag: saveTag.trim() } : {}),
      };
      const r = await createAction({ spec, audience, ...(draft ? { replaceDraftId: draft.id } : {}) });
      if (!r.ok) {
        setBusy(null);
        setFormError(r.error);
        setServerErrors(r.fieldErrors ?? {});
        const paths = Object.keys(r.fieldErrors ?? {}).map(stripSpec);
        if (paths.some((p) => p === 'name')) go(0);
        else if (paths.some((p) => p.startsWith('template') || p === 'subAccountId')) go(1);
        return;
      }
      router.push(`/campaigns/${r.data.id}`);
    } catch (err) {
      setBusy(null);
      setFormError(err instanceof Error ? err.message : 'The campaign could not be created. Try again.');
    }
  }

  const rows = draft ? draft.rows : kind === 'tag' ? (tagAudience.data?.count ?? 0) : preview.rows;
  return (
    <div>
      <WizardStepper current={step} reached={reached} onStep={(i) => !busy && go(i)} />
      {formError ? (
        <p
          role="alert"
          className="mb-5 flex items-start gap-2 rounded-[var(--radius)] border border-destructive/30 bg-destructive/5 p-3 text-sm text-destructive"
        >
          <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden /> {formError}
        </p>
      ) : null}
      {/* Nothing changes under the import: it reads what was submitted. */}
      <fieldset disabled={!!busy} className="min-w-0">
        {step === 0 ? (
          <AudienceStep
            name={name}
            onName={setName}
            nameError={(show && !name.trim() ? 'Name the campaign' : null) ?? serverErrors[findPath(serverErrors, 'name')] ?? null}
            kind={kind}
            onKind={setKind}
            preview={preview}
            upload={upload}
            onFile={onFile}
            onClearFile={() => {
              resetParse();
              cancelUpload();
            }}
            tags={tags}
            tag={tag}
            onTag={setTag}
            draftAudience={draft ? { rows: draft.rows, columns: draft.columns, label: draft.audience.label } : null}
            tagAudience={tagAudience.data ?? null}
          />
        ) : step === 1 ? (
          <TemplateStep
            subAccounts={subAccounts}
            templates={templates}
            subAccountId={subAccountId}
            onSubAccount={(id) => {
              setSubAccountId(id);
              setTemplateId('');
            }}
            templateId={templateId}
            onTemplate={setTemplateId}
          />
        ) : template ? (
          <MappingStep
            template={template}
            slots={slots}
            columns={columns}
            sample={sample}
            businessName={sub?.channelName ?? 'Business'}
            msisdnColumn={msisdnColumn}
            onMsisdnColumn={setMsisdnColumn}
            msisdnError={
              (show && kind === 'file' && !msisdnColumn ? 'Choose the column with the phone numbers' : null) ??
              serverErrors[findPath(serverErrors, 'recipients')] ??
              null
            }
            defaultCountry={defaultCountry}
            onDefaultCountry={setDefaultCountry}
            mapping={mapping}
            onMapping={(m) => {
              setMapping(m);
              setServerErrors({});
            }}
            problems={problems}
            saveContactsTag={tags && kind === 'file' ? saveTag : null}
            onSaveContactsTag={setSaveTag}
          />
        ) : null}
      </fieldset>

      <div className="sticky bottom-0 z-20 -mx-4 mt-6 border-t bg-background/90 px-4 py-3 backdrop-blur md:static md:mx-0 md:border-0 md:bg-transparent md:px-0 md:backdrop-blur-none">
        {busy ? (
          <BusyCard busy={busy} rows={rows} uploadPct={upload.total ? upload.loaded / upload.total : 0} />
        ) : (
          <div className="flex flex-wrap items-center justify-end gap-3">
            {show && blockers[step] ? (
              <p className="mr-auto text-sm text-destructive" role="alert" data-testid="step-blocker">
                {blockers[step]}
              </p>
            ) : null}
            {step > 0 ? (
              <Button type="button" variant="outline" onClick={() => go(step - 1)}>
                <ArrowLeft /> Back
              </Button>
            ) : null}
            <Button type="button" onClick={next} data-testid="wizard-next">
              {step < 2 ? (
                <>
                  Next: {['Template', 'Mapping'][step]} <ArrowRight />
                </>
              ) : (
                <>
                  Review {rows ? `${formatCount(rows)} recipients` : 'recipients'} <ArrowRight />
                </>
              )}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}

/** The review can take seconds on a big file: say what is happening and for how long. */
function BusyCard({ busy, rows, uploadPct }: { busy: { phase: 'upload' | 'import'; since: number }; rows: number; uploadPct: number }) {
  const [now, setNow] = React.useState(Date.now());
  React.useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const secs = Math.max(0, Math.floor((now - busy.since) / 1000));
  return (
    <Card role="status" data-testid="wizard-busy">
      <CardContent className="flex items-center gap-3 py-3">
        <Loader2 className="size-5 shrink-0 animate-spin text-primary" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium">
            {busy.phase === 'upload'
              ? `Finishing the upload (${Math.floor(uploadPct * 100)}%)…`
              : `Checking ${rows ? formatCount(rows) : 'the'} rows: numbers, duplicates, opt-outs and values…`}
          </p>
          <p className="text-xs text-muted-foreground">
            {secs}s{busy.phase === 'import' && rows > 100_000 ? ' · a million rows take up to twenty seconds' : ''}
          </p>
        </div>
      </CardContent>
    </Card>
  );
}

const stripSpec = (p: string) => p.replace(/^spec\./, '');
const findPath = (errors: Record<string, string>, prefix: string) => Object.keys(errors).find((p) => stripSpec(p).startsWith(prefix)) ?? '';

/** Server messages about one parameter ("parameters.body.1") shown beside that variable. */
function slotServerErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const p = stripSpec(path);
    if (p.startsWith('parameters.')) out[p.slice('parameters.'.length).replace(/\.(value|fallback|column)$/, '')] ??= message;
  }
  return out;
}
