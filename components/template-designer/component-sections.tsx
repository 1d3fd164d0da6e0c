'use client';
import type * as React from 'react';
import { GalleryHorizontal, Heading, MousePointerClick, Plus, TextQuote } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ButtonsEditor } from '@/components/template-designer/buttons-editor';
import { CarouselEditor } from '@/components/template-designer/carousel-editor';
import { useDesignerErrors } from '@/components/template-designer/designer-errors';
import { HeaderEditor } from '@/components/template-designer/header-editor';
import { SectionCard } from '@/components/template-designer/section-card';
import { VariableTextField } from '@/components/template-designer/variable-text-field';
import { addComponent, newCard, removeComponent, replaceAt, type ComponentType, type DesignerState } from '@/components/template-designer/draft-model';
import type { TemplateComponent } from '@/lib/templates/template-schema';
import { BUTTON_KINDS, LIMITS } from '@/lib/templates/template-rules';

const ADDABLE: { type: ComponentType; label: string; icon: React.ComponentType<{ className?: string }>; make: () => TemplateComponent }[] = [
  { type: 'HEADER', label: 'Header', icon: Heading, make: () => ({ type: 'HEADER', format: 'TEXT', text: '' }) },
  { type: 'FOOTER', label: 'Footer', icon: TextQuote, make: () => ({ type: 'FOOTER', text: '' }) },
  { type: 'BUTTONS', label: 'Buttons', icon: MousePointerClick, make: () => ({ type: 'BUTTONS', buttons: [] }) },
  { type: 'CAROUSEL', label: 'Carousel', icon: GalleryHorizontal, make: () => ({ type: 'CAROUSEL', cards: [newCard(), newCard()] }) },
];

/** One form per component of the template, in WhatsApp's order, with add/remove. */
export function ComponentSections({ state, onChange }: { state: DesignerState; onChange: (s: DesignerState) => void }) {
  const { touch } = useDesignerErrors();
  const present = new Set(state.components.map((c) => c.type));
  return (
    <div className="space-y-4">
      {state.components.map((c, i) => {
        const path = `components.${i}`;
        const set = (next: TemplateComponent) => onChange(replaceAt(state, i, next));
        const remove = () => {
          touch('components');
          onChange(removeComponent(state, c.type));
        };
        if (c.type === 'HEADER')
          return (
            <SectionCard
              key="HEADER"
              testId="section-header"
              title="Header"
              description="Optional: a title line, an image, a video, a document or a location."
              path={path}
              onRemove={remove}
            >
              <HeaderEditor idPrefix="tpl-header" path={path} value={c} onChange={set} />
            </SectionCard>
          );
        if (c.type === 'BODY')
          return (
            <SectionCard
              key="BODY"
              testId="section-body"
              title="Body"
              description="The message. *bold*, _italic_, ~strike~ and ```monospace``` work as on WhatsApp."
              path={path}
            >
              <VariableTextField
                id="tpl-body"
                label="Message text"
                path={path}
                text={c.text}
                examples={c.examples}
                max={LIMITS.bodyText}
                help="Variables {{1}}, {{2}}… are filled in for each customer when you send."
                onChange={(text, examples) => set({ ...c, text, examples })}
              />
            </SectionCard>
          );
        if (c.type === 'FOOTER')
          return (
            <SectionCard
              key="FOOTER"
              testId="section-footer"
              title="Footer"
              description="Optional grey line under the message, e.g. how to opt out."
              path={path}
              onRemove={remove}
            >
              <VariableTextField
                id="tpl-footer"
                label="Footer text"
                path={path}
                text={c.text}
                examples={undefined}
                max={LIMITS.footerText}
                multiline={false}
                allowVariables={false}
                onChange={(text) => set({ ...c, text })}
              />
            </SectionCard>
          );
        if (c.type === 'BUTTONS')
          return (
            <SectionCard
              key="BUTTONS"
              testId="section-buttons"
              title="Buttons"
              description="Up to 10. Quick replies stay together; at most 2 website buttons and 1 call button."
              path={path}
              onRemove={remove}
            >
              <ButtonsEditor
                idPrefix="tpl-button"
                path={path}
                buttons={c.buttons}
                // Offer only the kinds the category allows (the rules' own list).
                kinds={BUTTON_KINDS[state.category]}
                max={LIMITS.buttons}
                onChange={(buttons) => set({ ...c, buttons })}
              />
            </SectionCard>
          );
        return (
          <SectionCard
            key="CAROUSEL"
            testId="section-carousel"
            title="Carousel"
            description="2–10 cards that scroll sideways. Every card has the same header format and buttons."
            path={path}
            onRemove={remove}
          >
            <CarouselEditor path={path} value={c} onChange={set} />
          </SectionCard>
        );
      })}
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium text-muted-foreground">Add</span>
        {ADDABLE.filter((a) => !present.has(a.type)).map(({ type, label, icon: Icon, make }) => (
          <Button
            key={type}
            type="button"
            variant="outline"
            size="sm"
            data-testid={`tpl-add-${type.toLowerCase()}`}
            onClick={() => {
              touch('components');
              onChange(addComponent(state, make()));
            }}
          >
            <Plus /> <Icon className="size-3.5" /> {label}
          </Button>
        ))}
      </div>
    </div>
  );
}
