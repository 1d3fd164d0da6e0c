'use client';
import * as React from 'react';
import { ArrowLeft, ArrowRight, Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FieldError, useDesignerErrors } from '@/components/template-designer/designer-errors';
import { HeaderEditor } from '@/components/template-designer/header-editor';
import { ButtonsEditor } from '@/components/template-designer/buttons-editor';
import { VariableTextField } from '@/components/template-designer/variable-text-field';
import { move, newCard } from '@/components/template-designer/draft-model';
import type { BodyComponent, ButtonsComponent, CarouselCard, CarouselComponent, HeaderComponent } from '@/lib/templates/template-schema';
import { CARD_BUTTON_KINDS, LIMITS } from '@/lib/templates/template-rules';

/** The carousel card builder: 2–10 cards, each with an image or video, short text and 1–2 buttons. */
export function CarouselEditor({ path, value, onChange }: { path: string; value: CarouselComponent; onChange: (v: CarouselComponent) => void }) {
  const { touch } = useDesignerErrors();
  const cards = value.cards;
  const setCards = (next: CarouselCard[]) => onChange({ ...value, cards: next });
  return (
    <div className="space-y-4">
      {cards.map((card, k) => (
        <CardEditor
          key={k}
          index={k}
          path={`${path}.cards.${k}`}
          card={card}
          onChange={(c) => {
            touch(`${path}.cards.${k}`);
            setCards(cards.map((x, i) => (i === k ? c : x)));
          }}
          onLeft={k > 0 ? () => setCards(move(cards, k, k - 1)) : undefined}
          onRight={k < cards.length - 1 ? () => setCards(move(cards, k, k + 1)) : undefined}
          onRemove={cards.length > 1 ? () => setCards(cards.filter((_, i) => i !== k)) : undefined}
        />
      ))}
      <FieldError path={`${path}.cards`} />
      {cards.length < LIMITS.cardsMax && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          data-testid="tpl-add-card"
          onClick={() => {
            touch(`${path}.cards`);
            setCards([...cards, newCard(cards[0])]);
          }}
        >
          <Plus /> Add card
        </Button>
      )}
    </div>
  );
}

function CardEditor({
  index,
  path,
  card,
  onChange,
  onLeft,
  onRight,
  onRemove,
}: {
  index: number;
  path: string;
  card: CarouselCard;
  onChange: (c: CarouselCard) => void;
  onLeft?: () => void;
  onRight?: () => void;
  onRemove?: () => void;
}) {
  const at = (type: string) => card.components.findIndex((c) => c.type === type);
  const h = at('HEADER');
  const b = at('BODY');
  const bt = at('BUTTONS');
  const header = (card.components[h] as HeaderComponent | undefined) ?? { type: 'HEADER', format: 'IMAGE', examples: [''] };
  const body = (card.components[b] as BodyComponent | undefined) ?? { type: 'BODY', text: '' };
  const buttons = (card.components[bt] as ButtonsComponent | undefined) ?? { type: 'BUTTONS', buttons: [] };
  // Keep the card in header/body/buttons order so error paths stay stable.
  const set = (next: { header?: HeaderComponent; body?: BodyComponent; buttons?: ButtonsComponent }) =>
    onChange({ components: [next.header ?? header, next.body ?? body, next.buttons ?? buttons] });
  const id = `tpl-card-${index}`;
  return (
    <div className="rounded-md border p-3" data-testid={id}>
      <div className="mb-3 flex items-center justify-between">
        <span className="text-sm font-semibold">Card {index + 1}</span>
        <div className="flex items-center">
          <Button type="button" variant="ghost" size="icon" className="size-7" onClick={onLeft} disabled={!onLeft} aria-label="Move card left">
            <ArrowLeft />
          </Button>
          <Button type="button" variant="ghost" size="icon" className="size-7" onClick={onRight} disabled={!onRight} aria-label="Move card right">
            <ArrowRight />
          </Button>
          <Button type="button" variant="ghost" size="icon" className="size-7" onClick={onRemove} disabled={!onRemove} aria-label="Remove card">
            <X />
          </Button>
        </div>
      </div>
      <div className="space-y-4">
        <HeaderEditor
          idPrefix={`${id}-header`}
          path={`${path}.components.${h < 0 ? 0 : h}`}
          value={header}
          formats={['IMAGE', 'VIDEO']}
          onChange={(v) => set({ header: v })}
        />
        <VariableTextField
          id={`${id}-body`}
          label="Card text"
          path={`${path}.components.${b < 0 ? 1 : b}`}
          text={body.text}
          examples={body.examples}
          max={LIMITS.cardBodyText}
          onChange={(text, examples) => set({ body: { ...body, text, examples } })}
        />
        <div className="space-y-1.5">
          <p className="text-sm font-medium">Card buttons</p>
          <ButtonsEditor
            idPrefix={`${id}-button`}
            path={`${path}.components.${bt < 0 ? 2 : bt}`}
            buttons={buttons.buttons}
            kinds={CARD_BUTTON_KINDS}
            max={LIMITS.cardButtons}
            onChange={(list) => set({ buttons: { ...buttons, buttons: list } })}
          />
        </div>
        <FieldError path={`${path}.components`} />
        <FieldError path={path} />
      </div>
    </div>
  );
}
