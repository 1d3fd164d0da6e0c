/** What a server action answers (app/_lib/action.ts's ActionResult, which components may not import). */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string> };
