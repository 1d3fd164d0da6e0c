import { newQuickJSWASMModule, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime, type QuickJSWASMModule } from 'quickjs-emscripten';
import { env } from '@/lib/env';
import { SCRIPT_HELPERS } from './helpers';

// Scripts run in QuickJS compiled to WebAssembly: a separate JS engine with no process, require, file
// system or network. One runtime+context is reused (a fresh one per evaluation is ~20x slower); the
// intrinsics are frozen at start so one script cannot leave anything behind for the next. A script
// that hits QuickJS's own deadline, memory cap or stack cap leaves the runtime consistent, so it is
// kept; only an error from the host (V8's stack overflowing inside the WebAssembly) leaves the module
// in an unknown state, and then the module is dropped and the next loadSandbox() makes a new one.
//
// Where the time goes (bench/runner): compiling a script costs ~30 µs, calling it once compiled ~5 µs,
// so each distinct script is compiled once into a function kept in the engine. Copying `data` into
// the engine (a string copy plus JSON.parse in QuickJS, ~40 µs for a 1 KB inbound event) is the other
// cost, so `data` and `step` are handed over only to a script that names them (a call into a host function
// costs more than passing the text along), and the parsed value is kept until the caller hands over
// a different object.

const MEMORY_LIMIT = 32 * 1024 * 1024;
// QuickJS counts its stack in the WebAssembly's linear memory, while each of its calls also takes V8's
// native stack (~1 MB on the main thread): at 512 KB, `((f) => f(f))((f) => f(f))` overflowed V8's
// first and poisoned the module. At 64 KB QuickJS stops every recursion we tried itself, and a
// single expression of at most 1000 characters needs far less.
const STACK_LIMIT = 64 * 1024;
const MAX_COMPILED = 5_000;

export class ScriptError extends Error {}

/** The script was interrupted at the end of the time it was given (its deadline, or a shorter slice). */
export class ScriptInterrupted extends ScriptError {}

// __run(fn, dataGen, stepGen, dataJson?, stepJson?) runs a compiled script and returns its value as
// JSON text. `data` (and `step`) is the JSON handed over with the call when the script names it, else
// it is fetched when read through __pull(i) (a host function, captured here and removed from the
// global) should its generation have changed: a script reaching `data` some other way still never
// sees another call's value.
const PRELUDE = `
(() => {
  const g = globalThis;
  const pull = g.__pull;
  delete g.__pull;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const gens = [-1, -1];
  const values = [null, null];
  const loaded = [false, false];
  const get = (i) => {
    if (!loaded[i]) { values[i] = parse(pull(i)); loaded[i] = true; }
    return values[i];
  };
  Object.defineProperty(g, 'data', { get: () => get(0), enumerable: true });
  Object.defineProperty(g, 'step', { get: () => get(1), enumerable: true });
  const out = (v) => v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'null' : (typeof v === 'bigint' ? stringify(String(v)) : stringify(v)) ?? 'null';
  const use = (i, gen, json) => {
    if (json !== undefined) { loaded[i] = false; values[i] = parse(json); gens[i] = gen; loaded[i] = true; }
    else if (gen !== gens[i]) { gens[i] = gen; loaded[i] = false; values[i] = null; }
  };
  Object.defineProperty(g, '__run', { value: (fn, dataGen, stepGen, dataJson, stepJson) => {
    use(0, dataGen, dataJson);
    use(1, stepGen, stepJson);
    return out(fn());
  } });
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

type Engine = {
  runtime: QuickJSRuntime;
  vm: QuickJSContext;
  deadline: number;
  run: QuickJSHandle;
  compiled: Map<string, Compiled>;
  /** The current `data` and `step`, their generations, and the generations the engine holds parsed. */
  scope: { data: unknown; step: unknown; dataGen: number; stepGen: number; heldData: number; heldStep: number };
};

function createEngine(mod: QuickJSWASMModule): Engine {
  const runtime = mod.newRuntime();
  runtime.setMemoryLimit(MEMORY_LIMIT);
  runtime.setMaxStackSize(STACK_LIMIT);
  const vm = runtime.newContext();
  const engine = {
    runtime,
    vm,
    deadline: Infinity,
    compiled: new Map(),
    scope: { data: null, step: null, dataGen: 0, stepGen: 0, heldData: -1, heldStep: -1 },
  } as unknown as Engine;
  runtime.setInterruptHandler(() => Date.now() > engine.deadline);
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
  const pull = vm.newFunction('__pull', (which) => {
    const s = engine.scope;
    if (vm.getNumber(which) === 0) {
      s.heldData = s.dataGen;
      return vm.newString(JSON.stringify(s.data) ?? 'null');
    }
    s.heldStep = s.stepGen;
    return vm.newString(JSON.stringify(s.step) ?? 'null');
  });
  vm.setProp(vm.global, '__pull', pull);
  pull.dispose();
  const r = vm.evalCode(PRELUDE);
  if (r.error) {
    const e = vm.dump(r.error);
    r.error.dispose();
    throw new Error(`script sandbox failed to start: ${JSON.stringify(e)}`);
  }
  r.value.dispose();
  engine.run = vm.getProp(vm.global, '__run');
  return engine;
}

let engine: Engine | null = null;

/** Loads the WebAssembly engine (once per thread, and again after a host error broke one). */
export async function loadSandbox(): Promise<void> {
  while (!engine) {
    const loading = (modulePromise ??= newQuickJSWASMModule());
    const mod = await loading;
    // A host error may have dropped the module while we waited: then load the next one.
    if (modulePromise === loading) engine ??= createEngine(mod);
  }
}

/** Whether runScript can run now; callers check this and run their scripts in the same synchronous turn. */
export function sandboxReady(): boolean {
  return engine !== null;
}

function current(): Engine {
  if (!engine) throw new ScriptError('the script engine is not loaded (await loadSandbox() before evaluating)');
  return engine;
}

/**
 * Drops the engine after a host error inside it (its state is then unknown). Freeing a QuickJS runtime
 * in that state can trip an assertion that aborts the whole WebAssembly instance, so instead the instance
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

/** The error of a failed compile or run (QuickJS unwound it: the engine stays usable). */
function failure(e: Engine, error: QuickJSHandle, budgetMs: number): ScriptError {
  const text = describe(e.vm.dump(error));
  error.dispose();
  if (Date.now() > e.deadline || /interrupted/i.test(text)) return new ScriptInterrupted(`the script took longer than ${budgetMs} ms`);
  if (/out of memory|stack overflow/i.test(text))
    return new ScriptError(/stack/i.test(text) ? 'the script overflowed the stack' : 'the script used more memory than allowed');
  return new ScriptError(text);
}

type Compiled = { fn: QuickJSHandle; namesData: boolean; namesStep: boolean };

/** The script as a function in the engine, compiled on first use (an arrow keeps `this` the global, as before). */
function compiled(e: Engine, script: string, budgetMs: number): Compiled {
  const known = e.compiled.get(script);
  if (known) return known;
  if (e.compiled.size >= MAX_COMPILED) {
    for (const c of e.compiled.values()) c.fn.dispose();
    e.compiled.clear();
  }
  const r = e.vm.evalCode(`(() => (${script}\n))`, 'script.js');
  if (r.error) throw failure(e, r.error, budgetMs);
  const c = { fn: r.value, namesData: /\bdata\b/.test(script), namesStep: /\bstep\b/.test(script) };
  e.compiled.set(script, c);
  return c;
}

/**
 * Runs one already checked expression with `data` and `step`; its value comes back as JSON data. The
 * engine re-reads `data` (or `step`) only when it is a different object from the previous call's, so
 * callers make a new object whenever either changes (they never mutate one in place). `budgetMs` is
 * how long it may run (SCRIPT_TIMEOUT_MS, or a shorter slice: see evaluate.ts).
 */
export function runScript(script: string, data: unknown, step: unknown, budgetMs = env.SCRIPT_TIMEOUT_MS): unknown {
  const e = current();
  try {
    const s = e.scope;
    if (data !== s.data) {
      s.data = data;
      s.dataGen++;
    }
    if (step !== s.step) {
      s.step = step;
      s.stepGen++;
    }
    e.deadline = Date.now() + budgetMs;
    const c = compiled(e, script, budgetMs);
    const { vm } = e;
    const dataGen = vm.newNumber(s.dataGen);
    const stepGen = vm.newNumber(s.stepGen);
    const pushData = c.namesData && s.heldData !== s.dataGen;
    const pushStep = c.namesStep && s.heldStep !== s.stepGen;
    const dataJson = pushData ? vm.newString(JSON.stringify(data) ?? 'null') : vm.undefined;
    const stepJson = pushStep ? vm.newString(JSON.stringify(step) ?? 'null') : vm.undefined;
    const result = vm.callFunction(e.run, vm.undefined, c.fn, dataGen, stepGen, dataJson, stepJson);
    dataGen.dispose();
    stepGen.dispose();
    if (pushData) {
      dataJson.dispose();
      s.heldData = s.dataGen;
    }
    if (pushStep) {
      stepJson.dispose();
      s.heldStep = s.stepGen;
    }
    if (result.error) {
      // What the engine holds after a failed call is not known: hand both over again next time.
      s.heldData = s.heldStep = -1;
      throw failure(e, result.error, budgetMs);
    }
    const json = e.vm.getString(result.value);
    result.value.dispose();
    return JSON.parse(json);
  } catch (err) {
    if (err instanceof ScriptError) throw err;
    // A host error (V8's own stack overflow, a wasm trap) thrown through the engine: drop the module.
    discard();
    throw new ScriptError(/call stack/i.test(describe(err)) ? 'the script overflowed the stack' : describe(err));
  }
}
