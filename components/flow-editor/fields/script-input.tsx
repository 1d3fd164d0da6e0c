'use client';

import { useMemo } from 'react';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { javascript } from '@codemirror/lang-javascript';
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
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

/**
 * A value that may hold {{ scripts }}: JavaScript highlighting, autocomplete of data.* paths,
 * step results and helper functions, and the script rules checked as you type.
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
  const extensions = useMemo(
    () => [javascript(), autocompletion({ override: [completions(paths)], icons: false }), ...(multiline ? [EditorView.lineWrapping] : [EditorView.lineWrapping])],
    [paths, multiline],
  );
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
        <CodeMirror
          id={id}
          aria-label={label}
          value={value ?? ''}
          onChange={onChange}
          placeholder={placeholder}
          extensions={extensions}
          basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false, searchKeymap: false }}
          theme="light"
        />
      </div>
      {problem ? (
        <p role="alert" className="text-xs font-medium text-destructive" data-testid="script-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
