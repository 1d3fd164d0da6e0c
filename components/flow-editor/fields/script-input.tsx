'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import CodeMirror, { EditorView, oneDark } from '@uiw/react-codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { useTheme } from 'next-themes';
import { HELPER_SIGNATURES, STEP_RESULT_PATHS } from '@/lib/automation/graph/known-paths';
import { scriptProblem } from '@/lib/automation/graph/script-problems';
import { cn } from '@/lib/utils';
import { useScriptPaths } from './script-paths-context';

function completions(paths: string[]) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(/[\w$.]*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const text = word.text;
    const options = [
      ...[...paths, ...STEP_RESULT_PATHS].map((p) => ({ label: p, type: 'property', detail: p.startsWith('step.') ? 'step result' : 'data' })),
      ...HELPER_SIGNATURES.map((h) => ({ label: h.name, type: 'function', detail: h.signature, info: h.info, apply: h.signature })),
      { label: 'data', type: 'variable', detail: 'workflow data' },
      { label: 'step', type: 'variable', detail: 'this step’s results' },
    ].filter((o) => o.label.startsWith(text) && o.label !== text);
    return { from: word.from, options, validFor: /^[\w$.]*$/ };
  };
}

// @uiw/react-codemirror reconfigures an editor whenever `extensions`, `basicSetup` or `onChange`
// change identity, which costs as much as creating it: all three are kept stable, and the
// extensions are shared by every editor that sees the same known paths.
const BASIC_SETUP = {
  lineNumbers: false,
  foldGutter: false,
  highlightActiveLine: false,
  highlightActiveLineGutter: false,
  autocompletion: false,
  searchKeymap: false,
};
const LANGUAGE = javascript();
// One Dark's highlighting on the card's own background (themes listed first take precedence).
const DARK = [EditorView.theme({ '&': { backgroundColor: 'transparent' }, '.cm-gutters': { backgroundColor: 'transparent' } }, { dark: true }), oneDark];
const extensionsByPaths = new WeakMap<string[], unknown[]>();
function extensionsFor(paths: string[]) {
  let ext = extensionsByPaths.get(paths);
  if (!ext) extensionsByPaths.set(paths, (ext = [LANGUAGE, autocompletion({ override: [completions(paths)], icons: false }), EditorView.lineWrapping]));
  return ext as Parameters<typeof CodeMirror>[0]['extensions'];
}

const idle = (fn: () => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 250 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 30);
  return () => clearTimeout(t);
};

/**
 * A value that may hold {{ scripts }}: JavaScript highlighting, autocomplete of data.* paths,
 * step results and helper functions, and the script rules checked as you type.
 *
 * A step's panel can hold several of these, and a CodeMirror editor takes a few milliseconds to
 * create: the panel first shows each value as plain text in the same box, and each editor replaces
 * its text when the browser is idle (within a few frames), or at once when the field is clicked or
 * focused. Selecting a step therefore answers at once.
 */
export function ScriptInput({
  id,
  value,
  onChange,
  placeholder,
  multiline,
  label,
  className,
}: {
  id?: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  multiline?: boolean;
  label?: string;
  className?: string;
}) {
  const paths = useScriptPaths();
  const { resolvedTheme } = useTheme();
  const [live, setLive] = useState(false);
  const [focusOnMount, setFocusOnMount] = useState(false);
  useEffect(() => (live ? undefined : idle(() => setLive(true))), [live]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const change = useCallback((v: string) => onChangeRef.current(v), []);
  const wake = () => {
    setFocusOnMount(true);
    setLive(true);
  };
  const problem = scriptProblem(value ?? '');
  return (
    <div className={cn('space-y-1', className)}>
      <div
        data-testid={id ? `script-${id}` : undefined}
        className={cn(
          'overflow-hidden rounded-[var(--radius)] border bg-card text-xs focus-within:outline-2 focus-within:outline-ring [&_.cm-editor]:bg-transparent [&_.cm-focused]:outline-none [&_.cm-content]:py-1.5 [&_.cm-line]:px-2',
          problem ? 'border-destructive' : 'border-input',
          multiline ? '[&_.cm-content]:min-h-16' : '',
        )}
      >
        {live ? (
          <CodeMirror
            id={id}
            aria-label={label}
            value={value ?? ''}
            onChange={change}
            placeholder={placeholder}
            extensions={extensionsFor(paths)}
            basicSetup={BASIC_SETUP}
            autoFocus={focusOnMount}
            theme={resolvedTheme === 'dark' ? DARK : 'light'}
          />
        ) : (
          // biome-ignore lint/a11y/useSemanticElements: a read-only stand-in for the CodeMirror editor until it is focused; it hands focus to the real editor
          <div
            role="textbox"
            tabIndex={0}
            aria-label={label}
            aria-readonly
            onPointerDown={wake}
            onFocus={wake}
            className={cn(
              'cursor-text whitespace-pre-wrap break-words px-2 py-1.5 font-mono leading-[1.4]',
              multiline && 'min-h-16',
              !value && 'text-muted-foreground',
            )}
            data-testid={id ? `script-${id}-preview` : undefined}
          >
            {value || placeholder || '\u00a0'}
          </div>
        )}
      </div>
      {problem ? (
        <p role="alert" className="text-xs font-medium text-destructive" data-testid="script-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
