import type { ButtonsComponent, CarouselCard, HeaderComponent, TemplateButton, TemplateCategory, TemplateComponent } from '@/lib/templates/template-schema';
import { fieldErrorsFrom, issuesFromZod } from '@/lib/errors';
import { templatePayloadSchema } from '@/lib/templates/template-schema';
import { variablesIn } from '@/lib/templates/template-variables';

/** What the designer edits: the creation payload itself, plus the channel it will be submitted to. */
export type DesignerState = {
  channelId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  components: TemplateComponent[];
};

export type ComponentType = TemplateComponent['type'];
const RANK: Record<ComponentType, number> = { HEADER: 0, BODY: 1, CAROUSEL: 2, FOOTER: 3, BUTTONS: 4 };

export function emptyDraft(channelId: string): DesignerState {
  return { channelId, name: '', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: '' }] };
}

export function payloadOf(s: DesignerState) {
  return { name: s.name, language: s.language, category: s.category, components: s.components };
}

/** Every rule violation of the draft, keyed by path ("components.1.text"), from THE shared schema. */
export function validateDraft(s: DesignerState): Record<string, string> {
  const r = templatePayloadSchema.safeParse(payloadOf(s));
  return r.success ? {} : fieldErrorsFrom(issuesFromZod(r.error));
}

export function indexOf(s: DesignerState, type: ComponentType): number {
  return s.components.findIndex((c) => c.type === type);
}

/** Adds a component in WhatsApp's order (header, body, carousel, footer, buttons). */
export function addComponent(s: DesignerState, c: TemplateComponent): DesignerState {
  const components = [...s.components.filter((x) => x.type !== c.type), c].sort((a, b) => RANK[a.type] - RANK[b.type]);
  return { ...s, components };
}

export function removeComponent(s: DesignerState, type: ComponentType): DesignerState {
  return { ...s, components: s.components.filter((c) => c.type !== type) };
}

export function replaceAt(s: DesignerState, index: number, c: TemplateComponent): DesignerState {
  const components = [...s.components];
  components[index] = c;
  return { ...s, components };
}

/** One sample per variable: grows/shrinks with the text, keeping what was typed. */
export function syncExamples(text: string, examples: string[] | undefined): string[] | undefined {
  const max = Math.max(0, ...variablesIn(text));
  if (!max) return undefined;
  return Array.from({ length: max }, (_, k) => examples?.[k] ?? '');
}

/** Inserts the next variable {{n}} at the cursor. */
export function insertVariable(text: string, at: number): { text: string; cursor: number } {
  const next = Math.max(0, ...variablesIn(text)) + 1;
  const token = `{{${next}}}`;
  return { text: text.slice(0, at) + token + text.slice(at), cursor: at + token.length };
}

export function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

export function newButton(type: TemplateButton['type']): TemplateButton {
  if (type === 'URL') return { type, text: '', url: 'https://' };
  if (type === 'PHONE_NUMBER') return { type, text: '', phone_number: '' };
  if (type === 'COPY_CODE') return { type, text: 'Copy code', examples: [''] };
  if (type === 'OTP') return { type, otp_type: 'ONE_TAP', text: 'Autofill', package_name: '', signature_hash: '' };
  return { type, text: '' };
}

/** A new card shaped like the first one (same header format and buttons), as WhatsApp requires. */
export function newCard(like?: CarouselCard): CarouselCard {
  const header = like?.components.find((c) => c.type === 'HEADER') as HeaderComponent | undefined;
  const buttons = (like?.components.find((c) => c.type === 'BUTTONS') as ButtonsComponent | undefined)?.buttons ?? [{ type: 'QUICK_REPLY', text: '' }];
  return {
    components: [
      { type: 'HEADER', format: header?.format ?? 'IMAGE', examples: [''] },
      { type: 'BODY', text: '' },
      { type: 'BUTTONS', buttons: buttons.map((b) => ({ ...newButton(b.type), text: b.text ?? '' })) },
    ],
  };
}
