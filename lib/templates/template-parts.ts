import type { BodyComponent, ButtonsComponent, CarouselCard, HeaderComponent, TemplateButton, TemplateComponent } from '@/lib/templates/template-schema';

/** A template (or one carousel card) split into the parts a send fills in. */
export type TemplateParts = {
  header?: HeaderComponent;
  body?: BodyComponent;
  footer?: string;
  buttons: TemplateButton[];
  cards: CarouselCard[];
};

export function templateParts(components: readonly TemplateComponent[] | undefined): TemplateParts {
  const parts: TemplateParts = { buttons: [], cards: [] };
  for (const c of components ?? []) {
    const type = String(c?.type ?? '').toUpperCase();
    if (type === 'HEADER') parts.header ??= c as HeaderComponent;
    else if (type === 'BODY') parts.body ??= c as BodyComponent;
    else if (type === 'FOOTER') parts.footer ??= (c as { text?: string }).text;
    else if (type === 'BUTTONS') parts.buttons = [...((c as ButtonsComponent).buttons ?? [])];
    else if (type === 'CAROUSEL') parts.cards = [...((c as { cards?: CarouselCard[] }).cards ?? [])];
  }
  return parts;
}

const upper = (s: unknown) => String(s ?? '').toUpperCase();
export const buttonType = (b: TemplateButton) => upper(b.type);
export const headerFormat = (h: HeaderComponent | undefined) => (h ? upper(h.format) : undefined);
