'use client';

import { Decoration, EditorView, MatchDecorator, ViewPlugin, type DecorationSet, type Extension, type ViewUpdate } from '@uiw/react-codemirror';
import { javascript } from '@codemirror/lang-javascript';
// Both come with @uiw/react-codemirror (through @codemirror/theme-one-dark), at the versions the lockfile pins.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { completeTemplate, TEMPLATE_CHIP } from '@/lib/automation/graph/template-completion';

// The CodeMirror set-ups of the editor's fields. A text field (a message, a URL, a number with
// {{ }} in it) is plain text: its expressions drawn as chips, data./step. names offered as you
// type, the console's own text colours in both themes. A script field (a bare expression) keeps
// JavaScript highlighting, in colours of its own: the message text used to be coloured as
// JavaScript with One Dark, which draws every name in the error red, so a whole message was red.

function completionSource(paths: string[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const found = completeTemplate(line.text.slice(0, ctx.pos - line.from), paths, ctx.explicit);
    if (!found) return null;
    return {
      from: line.from + found.from,
      options: found.options.map((o) => ({ label: o.label, apply: o.apply, type: o.type, detail: o.detail, info: o.info })),
      validFor: /^[\w$.]*$/,
    };
  };
}

const chip = Decoration.mark({ class: 'cm-template-chip', attributes: { 'data-template-chip': '' } });
const chips = new MatchDecorator({ regexp: TEMPLATE_CHIP, decoration: () => chip });
const templateChips = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = chips.createDeco(view);
    }
    update(u: ViewUpdate) {
      this.decorations = chips.updateDeco(u, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Typing "{{" writes "{{}}" with the cursor inside, the way an expression is started. */
const closeExpression = EditorView.inputHandler.of((view, from, to, text) => {
  if (text !== '{' || view.state.sliceDoc(from - 1, from) !== '{' || view.state.sliceDoc(to, to + 2) === '}}') return false;
  view.dispatch({ changes: { from, to, insert: '{}}' }, selection: { anchor: from + 1 }, userEvent: 'input.type' });
  return true;
});

/** Both kinds of field in the console's colours (the design tokens switch with the theme); chips for text fields. */
const BASE_THEME = EditorView.theme({
  '&': { color: 'var(--foreground)', backgroundColor: 'transparent' },
  '.cm-content': { caretColor: 'var(--foreground)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--foreground)' },
  '.cm-placeholder': { color: 'var(--muted-foreground)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--primary) 22%, transparent)',
  },
  '.cm-template-chip': {
    color: 'var(--primary)',
    backgroundColor: 'color-mix(in srgb, var(--primary) 12%, transparent)',
    border: '1px solid color-mix(in srgb, var(--primary) 30%, transparent)',
    borderRadius: '4px',
    padding: '0 2px',
    fontFamily: 'var(--font-mono, ui-monospace, monospace)',
  },
  '.cm-tooltip': { backgroundColor: 'var(--popover, var(--card))', color: 'var(--popover-foreground, var(--foreground))', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--primary)', color: 'var(--primary-foreground)' },
});

/** Script colours on the card, light and dark: names in the text colour, nothing in red (red says "error" here). */
const scriptColours = (c: { keyword: string; string: string; number: string; property: string; fn: string }) =>
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: [t.keyword, t.operatorKeyword, t.bool, t.null, t.atom], color: c.keyword },
      { tag: [t.string, t.special(t.string), t.regexp], color: c.string },
      { tag: [t.number], color: c.number },
      { tag: [t.propertyName], color: c.property },
      { tag: [t.function(t.variableName), t.function(t.propertyName)], color: c.fn },
      { tag: [t.variableName, t.name, t.definition(t.variableName)], color: 'var(--foreground)' },
      { tag: [t.operator, t.punctuation, t.bracket, t.separator], color: 'var(--muted-foreground)' },
      { tag: [t.comment], color: 'var(--muted-foreground)', fontStyle: 'italic' },
    ]),
  );
/** Text is set in the console's font; scripts stay in CodeMirror's monospace. */
const TEXT_FONT = EditorView.theme({ '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.45' } });

const SCRIPT_LIGHT = scriptColours({ keyword: '#7c3aed', string: '#047857', number: '#b45309', property: '#1d4ed8', fn: '#0e7490' });
const SCRIPT_DARK = scriptColours({ keyword: '#c4b5fd', string: '#86efac', number: '#fcd34d', property: '#93c5fd', fn: '#67e8f9' });

const LANGUAGE = javascript();

// @uiw/react-codemirror reconfigures an editor whenever `extensions` change identity, which costs as
// much as creating it: the extensions are shared by every field of a kind that sees the same paths.
const cache = { text: new WeakMap<string[], Extension[]>(), script: new WeakMap<string[], Extension[]>(), scriptDark: new WeakMap<string[], Extension[]>() };

export type FieldMode = 'text' | 'script';

/** A field's extensions; its look comes from them (the editor's `theme` prop stays 'none'). */
export function extensionsFor(mode: FieldMode, dark: boolean, paths: string[]): Extension[] {
  const kind = mode === 'text' ? 'text' : dark ? 'scriptDark' : 'script';
  let ext = cache[kind].get(paths);
  if (!ext) {
    const complete = autocompletion({ override: [completionSource(paths)], icons: false });
    ext =
      mode === 'text'
        ? [BASE_THEME, TEXT_FONT, templateChips, closeExpression, complete, EditorView.lineWrapping]
        : [BASE_THEME, LANGUAGE, dark ? SCRIPT_DARK : SCRIPT_LIGHT, complete, EditorView.lineWrapping];
    cache[kind].set(paths, ext);
  }
  return ext;
}
