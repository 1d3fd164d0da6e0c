'use client';
import * as React from 'react';
import { useHydrated } from '@/components/use-hydrated';
import { AlertCircle, Send } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ComponentSections } from '@/components/template-designer/component-sections';
import { DesignerErrorsProvider } from '@/components/template-designer/designer-errors';
import { DetailsFields, type DesignerLocks } from '@/components/template-designer/details-fields';
import { payloadOf, validateDraft, type DesignerState } from '@/components/template-designer/draft-model';
import { PreviewCodeTabs } from '@/components/template-designer/preview-code-tabs';
import { MediaUpload, type UploadMedia } from '@/components/template-designer/media-upload-button';
import { clearSavedDraft, readSavedDraft, useDraftAutosave } from '@/components/template-designer/use-draft-autosave';
import type { TemplateChannel } from '@/lib/templates/list-template-channels';

export type SubmitResult = { ok: true; data: { id: string } } | { ok: false; error: string; fieldErrors?: Record<string, string> };
export type NameCheckResult = { ok: true; data: { problem: string | null } } | { ok: false; error: string };

type Props = {
  accountId: string;
  channels: TemplateChannel[];
  initial: DesignerState;
  /** localStorage key of the autosaved draft; a saved draft is offered back on mount when `restore`. */
  draftKey: string;
  restore: boolean;
  /** Fields that cannot change (a language version's name, an edit's name, language and channel). */
  locks?: DesignerLocks;
  /** The submit button's words, e.g. "Submit version 2 for review". */
  submitLabel?: string;
  canSubmit: boolean;
  submit: (input: { channelId: string; payload: unknown }) => Promise<SubmitResult>;
  /** Asks whether the name is free in this language on this channel (the API's 409), as it is typed. */
  checkName?: (input: { channelId: string; name: string; language: string }) => Promise<NameCheckResult>;
  uploadMedia: UploadMedia;
  onSubmitted: (id: string) => void;
};

/** Whether the typed name is free (debounced), as the API will answer on submit; null while unknown or free. */
function useNameCheck(state: DesignerState, check: Props['checkName']): string | null {
  const [problem, setProblem] = React.useState<string | null>(null);
  const { channelId, name, language } = state;
  React.useEffect(() => {
    setProblem(null);
    if (!check || !channelId || !/^[a-z0-9_]+$/.test(name) || !language) return;
    let current = true;
    const t = setTimeout(async () => {
      const r = await check({ channelId, name, language });
      if (current) setProblem(r.ok ? r.data.problem : null);
    }, 350);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [check, channelId, name, language]);
  return problem;
}

/** The template designer: the form on the left, the live phone preview and the code on the right. */
export function TemplateDesigner(props: Props) {
  const [state, setState] = React.useState<DesignerState>(props.initial);
  const [showAll, setShowAll] = React.useState(false);
  const [serverErrors, setServerErrors] = React.useState<Record<string, string>>({});
  const [pending, start] = React.useTransition();
  const [time, setTime] = React.useState<string | undefined>();
  const restored = React.useRef(false);
  const hydrated = useHydrated();

  React.useEffect(() => {
    setTime(new Date().toTimeString().slice(0, 5));
    if (!props.restore || restored.current) return;
    restored.current = true;
    const saved = readSavedDraft(props.draftKey);
    if (saved) {
      setState(saved);
      toast('Restored your unsaved draft', {
        action: {
          label: 'Discard',
          onClick: () => {
            clearSavedDraft(props.draftKey);
            setState(props.initial);
          },
        },
      });
    }
  }, [props.restore, props.draftKey, props.initial]);

  const { savedAt, finish: finishDraft } = useDraftAutosave(props.draftKey, state, true);
  const taken = useNameCheck(state, props.checkName);
  // A taken name+language shows at the field the person can change: the language when the name is locked.
  const nameField = props.locks?.name ? 'language' : 'name';
  const errors = React.useMemo(() => {
    const own = validateDraft(state);
    const server = serverErrors.name && props.locks?.name ? { ...serverErrors, name: undefined, language: serverErrors.name } : serverErrors;
    return Object.fromEntries(
      Object.entries({ ...own, ...(taken && !own[nameField] ? { [nameField]: taken } : {}), ...server }).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
  }, [state, serverErrors, taken, nameField, props.locks?.name]);
  // "_" is a refusal of the whole submission (busy, a conflict): it is shown, but trying again is allowed.
  const errorCount = Object.keys(errors).filter((k) => k !== '_').length;
  const payload = payloadOf(state);
  const channel = props.channels.find((c) => c.id === state.channelId);

  const update = (next: DesignerState) => {
    setServerErrors({});
    setState(next);
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setShowAll(true);
    if (errorCount) {
      toast.error('Fix the highlighted problems before submitting');
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-error-path]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      return;
    }
    start(async () => {
      const res = await props.submit({ channelId: state.channelId, payload });
      if (!res.ok) {
        setServerErrors(res.fieldErrors ?? { _: res.error });
        toast.error(res.error);
        return;
      }
      finishDraft();
      toast.success(`Submitted “${state.name}” for review`);
      props.onSubmitted(res.data.id);
    });
  }

  return (
    <DesignerErrorsProvider errors={errors} showAll={showAll}>
      <MediaUpload.Provider value={{ channelId: state.channelId || undefined, upload: props.uploadMedia }}>
        <form onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_400px]">
          <fieldset disabled={!hydrated} className="min-w-0 space-y-4">
            <Card>
              <CardHeader>
                <CardTitle>Template details</CardTitle>
              </CardHeader>
              <CardContent>
                <DetailsFields state={state} channels={props.channels} locks={props.locks} onChange={(p) => update({ ...state, ...p })} />
              </CardContent>
            </Card>
            <ComponentSections state={state} onChange={update} />
            <div className="flex flex-col-reverse items-stretch gap-3 border-t pt-4 sm:flex-row sm:items-center sm:justify-between">
              <p className="text-xs text-muted-foreground" aria-live="polite">
                {savedAt ? `Draft saved on this device at ${savedAt.toTimeString().slice(0, 8)}` : 'Drafts are saved on this device as you type.'}
              </p>
              <div className="flex items-center gap-3">
                {showAll && errorCount > 0 && (
                  <span className="flex items-center gap-1 text-xs font-medium text-destructive" data-testid="error-count">
                    <AlertCircle className="size-4" /> {errorCount} {errorCount === 1 ? 'problem' : 'problems'} to fix
                  </span>
                )}
                <Button type="submit" disabled={pending || !props.canSubmit} data-testid="submit-template">
                  <Send /> {pending ? 'Submitting…' : (props.submitLabel ?? 'Submit for review')}
                </Button>
              </div>
            </div>
            {serverErrors._ && (
              <p role="alert" className="text-sm font-medium text-destructive">
                {serverErrors._}
              </p>
            )}
          </fieldset>
          <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
            <PreviewCodeTabs
              draft={payload}
              businessName={channel?.name ?? 'Business'}
              time={time}
              code={{ accountId: props.accountId, channelId: state.channelId, subAccountId: channel?.subAccountId }}
            />
          </div>
        </form>
      </MediaUpload.Provider>
    </DesignerErrorsProvider>
  );
}
