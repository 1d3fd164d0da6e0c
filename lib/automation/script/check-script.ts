import { parseExpressionAt, type Node } from 'acorn';

// The reference's script rules, checked before a script is stored and again before it runs:
// at most 1000 characters, an expression only, no assignment, update, declaration or named
// (possibly recursive) function.
export const MAX_SCRIPT_LENGTH = 1000;

const FORBIDDEN: Record<string, string> = {
  AssignmentExpression: 'assignments are not allowed',
  UpdateExpression: 'updates (++/--) are not allowed',
  VariableDeclaration: 'declarations are not allowed',
  FunctionDeclaration: 'function declarations are not allowed',
  ClassDeclaration: 'class declarations are not allowed',
  ClassExpression: 'classes are not allowed',
  ImportExpression: 'import() is not allowed',
  MetaProperty: 'import.meta / new.target are not allowed',
  AwaitExpression: 'await is not allowed',
  YieldExpression: 'yield is not allowed',
};

/** Null when the script may run, else why not. */
export function checkScript(script: string): string | null {
  if (script.length > MAX_SCRIPT_LENGTH) return `the script is ${script.length} characters long; the maximum is ${MAX_SCRIPT_LENGTH}`;
  if (!script.trim()) return 'the script is empty';
  let root: Node;
  try {
    root = parseExpressionAt(script, 0, { ecmaVersion: 2023 });
  } catch (err) {
    return `syntax error: ${(err as Error).message}`;
  }
  if (script.slice(root.end).trim()) return 'a script must be a single expression';
  return findForbidden(root);
}

function findForbidden(node: Node): string | null {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop() as Record<string, unknown> & { type?: string };
    if (!n || typeof n !== 'object') continue;
    if (typeof n.type === 'string') {
      const why = FORBIDDEN[n.type];
      if (why) return why;
      if (n.type === 'FunctionExpression' && n.id) return 'named (recursive) functions are not allowed';
    }
    for (const [key, v] of Object.entries(n)) {
      if (key === 'loc' || key === 'range') continue;
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') stack.push(v);
    }
  }
  return null;
}
