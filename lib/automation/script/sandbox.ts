import { newQuickJSWASMModule, type QuickJSContext, type QuickJSRuntime, type QuickJSWASMModule } from 'quickjs-emscripten';
import { env } from '@/lib/env';
import { SCRIPT_HELPERS } from './helpers';

// Scripts run in QuickJS compiled to WebAssembly: a separate JS engine with no process, require, file
// system or network. One runtime+context is reused (a fresh one per evaluation is ~20x slower); the
// intrinsics are frozen at start so one script cannot leave anything behind for the next, and the
// context is thrown away after a script that hit the deadline or the memory cap.

const MEMORY_LIMIT = 32 * 1024 * 1024;
const STACK_LIMIT = 512 * 1024;

export class ScriptError extends Error {}

const PRELUDE = `
(() => {
  const scope = { data: null, step: null };
  const g = globalThis;
  Object.defineProperty(g, '__setScope', { value: (d, s) => { scope.data = d === undefined ? null : JSON.parse(d); scope.step = s === undefined ? null : JSON.parse(s); } });
  Object.defineProperty(g, 'data', { get: () => scope.data, enumerable: true });
  Object.defineProperty(g, 'step', { get: () => scope.step, enumerable: true });
  const stringify = JSON.stringify;
  Object.defineProperty(g, '__out', { value: (v) => v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : (typeof v === 'bigint' ? stringify(String(v)) : stringify(v)) ?? 'null' });
  const seen = new Set();
  const freeze = (o) => {
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) return;
    seen.add(o);
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d && 'value' in d) freeze(d.value);
    }
    freeze(Object.getPrototypeOf(o));
    Object.freeze(o);
  };
  for (const name of Object.getOwnPropertyNames(g)) { if (name !== 'data' && name !== 'step') { const d = Object.getOwnPropertyDescriptor(g, name); if (d && 'value' in d) freeze(d.value); } }
  freeze(Object.getPrototypeOf(function* () {}));
  freeze(Object.getPrototypeOf(async function () {}));
  Object.freeze(g);
})();
`;

let modulePromise: Promise<QuickJSWASMModule> | null = null;

type Engine = { runtime: QuickJSRuntime; vm: QuickJSContext; deadline: number };

function createEngine(mod: QuickJSWASMModule): Engine {
  const runtime = mod.newRuntime();
  runtime.setMemoryLimit(MEMORY_LIMIT);
  runtime.setMaxStackSize(STACK_LIMIT);
  const engine: Engine = { runtime, vm: runtime.newContext(), deadline: Infinity };
  runtime.setInterruptHandler(() => Date.now() > engine.deadline);
  const { vm } = engine;
  for (const [name, fn] of Object.entries(SCRIPT_HELPERS)) {
    const handle = vm.newFunction(name, (...args) => {
      const plain = args.map((a) => vm.dump(a));
      const result = (fn as (...a: unknown[]) => unknown)(...plain);
      if (typeof result === 'boolean') return result ? vm.true : vm.false;
      return vm.newString(String(result));
    });
    vm.setProp(vm.global, name, handle);
    handle.dispose();
  }
  const r = vm.evalCode(PRELUDE);
  if (r.error) {
    const e = vm.dump(r.error);
    r.error.dispose();
    throw new Error(`script sandbox failed to start: ${JSON.stringify(e)}`);
  }
  r.value.dispose();
  return engine;
}

let engine: Engine | null = null;

/** Loads the WebAssembly engine (once per process, and again after a script broke one). */
export async function loadSandbox(): Promise<void> {
  if (engine) return;
  modulePromise ??= newQuickJSWASMModule();
  const mod = await modulePromise;
  engine ??= createEngine(mod);
}

function current(): Engine {
  if (!engine) throw new ScriptError('the script engine is not loaded (await loadSandbox() before evaluating)');
  return engine;
}

/**
 * Drops the engine after a script hit a limit. Freeing a QuickJS runtime that ran out of memory or was
 * interrupted can trip an assertion that aborts the whole WebAssembly instance, so instead the instance
 * itself is dropped (the garbage collector frees its memory) and the next loadSandbox() makes a new one.
 */
function discard() {
  engine = null;
  modulePromise = null;
}

function describe(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: string; message?: string };
    if (e.message) return e.name && e.name !== 'Error' ? `${e.name}: ${e.message}` : e.message;
  }
  return String(err);
}

/**
 * Sets `data` and `step` for the scripts that follow (one step's worth), so a large context is copied
 * into the sandbox once rather than per script.
 */
export function setScope(data: unknown, step: unknown): void {
  const e = current();
  const run = () => {
    e.deadline = Date.now() + env.SCRIPT_TIMEOUT_MS;
    const fn = e.vm.getProp(e.vm.global, '__setScope');
    const d = e.vm.newString(JSON.stringify(data ?? null));
    const s = e.vm.newString(JSON.stringify(step ?? null));
    const r = e.vm.callFunction(fn, e.vm.undefined, d, s);
    fn.dispose();
    d.dispose();
    s.dispose();
    if (r.error) {
      const err = describe(e.vm.dump(r.error));
      r.error.dispose();
      throw new ScriptError(`the workflow context could not be loaded into the script engine (${err})`);
    }
    r.value.dispose();
  };
  try {
    run();
  } catch (err) {
    discard();
    throw err instanceof ScriptError ? err : new ScriptError((err as Error).message);
  }
}

/** Runs one already checked expression against the current scope; its value comes back as JSON data. */
export function runExpression(script: string): unknown {
  const e = current();
  const started = Date.now();
  e.deadline = started + env.SCRIPT_TIMEOUT_MS;
  let result;
  try {
    result = e.vm.evalCode(`__out((${script}\n))`, 'script.js');
  } catch (err) {
    discard();
    throw new ScriptError(describe(err));
  }
  if (result.error) {
    const err = e.vm.dump(result.error);
    result.error.dispose();
    const text = describe(err);
    if (Date.now() > e.deadline || /interrupted/i.test(text)) {
      discard();
      throw new ScriptError(`the script took longer than ${env.SCRIPT_TIMEOUT_MS} ms`);
    }
    if (/out of memory|stack overflow/i.test(text)) {
      discard();
      throw new ScriptError(/stack/i.test(text) ? 'the script overflowed the stack' : 'the script used more memory than allowed');
    }
    throw new ScriptError(text);
  }
  const json = e.vm.getString(result.value);
  result.value.dispose();
  return JSON.parse(json);
}
