'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import CodeMirror from '@uiw/react-codemirror';
import { useTheme } from 'next-themes';
import { scriptProblem } from '@/lib/automation/graph/script-problems';
import { cn } from '@/lib/utils';
import { extensionsFor, type FieldMode } from './script-extensions';
import { useScriptPaths } from './script-paths-context';

// Kept stable: @uiw/react-codemirror reconfigures an editor whenever `basicSetup` changes identity.
const BASIC_SETUP = {
  lineNumbers: false,
  foldGutter: false,
  highlightActiveLine: false,
  highlightActiveLineGutter: false,
  autocompletion: false,
  searchKeymap: false,
};
// Text is not code: no quotes or brackets typed for the writer (an expression's "{{" is closed for them).
const TEXT_SETUP = { ...BASIC_SETUP, closeBrackets: false, bracketMatching: false };

const idle = (fn: () => void) => {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 250 });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 30);
  return () => clearTimeout(t);
};

/**
 * A value that may hold {{ scripts }}, and the script rules checked as you type. `mode="text"` (the
 * default: messages, numbers, URLs) is plain text with each {{ }} drawn as a chip and data./step.
 * names offered; `mode="script"` (a bare expression, a custom condition) is JavaScript, highlighted.
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
  mode = 'text',
}: {
  mode?: FieldMode;
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
            extensions={extensionsFor(mode, resolvedTheme === 'dark', paths)}
            basicSetup={mode === 'text' ? TEXT_SETUP : BASIC_SETUP}
            autoFocus={focusOnMount}
            theme="none"
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
              'cursor-text whitespace-pre-wrap break-words px-2 py-1.5',
              mode === 'text' ? 'leading-[1.45] text-foreground' : 'font-mono leading-[1.4]',
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
