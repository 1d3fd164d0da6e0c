'use client';

import { EditorView, oneDark } from '@uiw/react-codemirror';
import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { javascript } from '@codemirror/lang-javascript';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { completeTemplate, TEMPLATE_CHIP } from '@/lib/automation/graph/template-completion';

// The CodeMirror set-ups of the editor's fields. A text field (a message, a URL, a number with
// {{ }} in it) is plain text: its expressions drawn as chips, data./step. names offered as you
// type, the console's own text colours in both themes. A script field (a bare expression) keeps
// JavaScript highlighting. The message text used to be coloured as JavaScript: all red in the dark
// theme, where One Dark draws every unknown word as an error-red name.

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

/** Text in the console's colours (the design tokens switch with the theme), expressions as chips. */
const TEXT_THEME = EditorView.theme({
  '&': { color: 'var(--foreground)', backgroundColor: 'transparent' },
  '.cm-scroller': { fontFamily: 'inherit', lineHeight: '1.45' },
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

// One Dark's highlighting on the card's own background (themes listed first take precedence).
export const SCRIPT_DARK = [
  EditorView.theme({ '&': { backgroundColor: 'transparent' }, '.cm-gutters': { backgroundColor: 'transparent' } }, { dark: true }),
  oneDark,
];

const LANGUAGE = javascript();

// @uiw/react-codemirror reconfigures an editor whenever `extensions` change identity, which costs as
// much as creating it: the extensions are shared by every field of a kind that sees the same paths.
const cache = { text: new WeakMap<string[], unknown[]>(), script: new WeakMap<string[], unknown[]>() };

export type FieldMode = keyof typeof cache;

export function extensionsFor(mode: FieldMode, paths: string[]) {
  let ext = cache[mode].get(paths);
  if (!ext) {
    const complete = autocompletion({ override: [completionSource(paths)], icons: false });
    ext = mode === 'text' ? [TEXT_THEME, templateChips, closeExpression, complete, EditorView.lineWrapping] : [LANGUAGE, complete, EditorView.lineWrapping];
    cache[mode].set(paths, ext);
  }
  return ext as import('@codemirror/state').Extension[];
}

/** The theme prop of a field: text fields bring their own (in the extensions), scripts One Dark in the dark theme. */
export function themeFor(mode: FieldMode, dark: boolean) {
  if (mode === 'text') return 'none' as const;
  return dark ? SCRIPT_DARK : ('light' as const);
}
