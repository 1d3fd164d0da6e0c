// Domain errors. Wrappers (lib/api/with-api-key.ts, lib/auth/action.ts) turn them into the 8x8 error
// shape or a form message; domain code only throws.

export type Issue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
    code = 1005,
  ) {
    super(message, 400, code);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super(message, 404, 1005);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Unauthorized: missing or invalid API key') {
    super(message, 401, 1200);
  }
}

export class PermissionError extends AppError {
  // Issues name the field that asked for too much (e.g. a permission the actor does not hold), so a
  // form can show the refusal beside it.
  constructor(
    message = 'You do not have permission to do this',
    readonly issues: Issue[] = [],
  ) {
    super(message, 403, 1201);
  }
}

export class ConflictError extends AppError {
  // Issues name the field that clashes (a taken id), so a form can show the refusal beside it.
  constructor(
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message, 409, 1005);
  }
}

/** A suspended customer account: its API keys and its sends are refused until a partner admin resumes it. */
export class AccountSuspendedError extends AppError {
  constructor(accountId: string, what = 'this request is') {
    super(`Account '${accountId}' is suspended: ${what} refused until a partner admin resumes it`, 403, 1200);
  }
}

/** A body or a value larger than Parley accepts, measured on what is actually parsed or stored. */
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(message, 413, 1005);
  }
}

export class RateLimitError extends AppError {
  constructor(message: string, code = 1005) {
    super(message, 429, code);
  }
}

/** The first message per field ("components.0.text" → message), as a form shows them beside each field; "_" for the whole input. */
export function fieldErrorsFrom(issues: Issue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path || '_'] ??= i.message;
  return out;
}

/** Turns zod issues into our paths ("components.0.text") with their messages. */
export function issuesFromZod(error: { issues: { path: PropertyKey[]; message: string }[] }): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
