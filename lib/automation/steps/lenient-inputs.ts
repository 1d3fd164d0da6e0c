import { z } from 'zod';

// Readers for a step's inputs at run time, after the runner evaluated every {{script}}. They accept
// anything and never fail: what a definition may hold is checked when it is saved (each step's
// `validate`), and a run must treat what slipped through the way the runner always has — a number
// given as text is a number, a phone number given as a number is text, a missing key is its default.
// Client-safe: the editor and the validation worker import step definitions, which import these.

/** A value as text: strings as they are, objects as JSON, null and undefined as undefined. */
export function str(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function digits(value: unknown): string {
  return String(value ?? '').replace(/\D/g, '');
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

/** Text (see `str`); undefined when absent. */
export const text = () => z.unknown().optional().transform(str);

/** Text with a default for absent or null values. */
export const textOr = (fallback: string) =>
  z
    .unknown()
    .optional()
    .transform((v) => str(v) ?? fallback);

/** Taken as it is (a duration, a sender, a JSON body): the executor decides what it means. */
export const raw = () => z.unknown().optional();

/** A map of names to values (headers, query parameters); undefined when not an object. */
export const entries = () =>
  z
    .unknown()
    .optional()
    .transform((v) => (isRecord(v) ? v : undefined));

/** Inputs, lenient: unknown keys are kept (the 8x8 payload passes through), declared ones are read. */
export const inputsOf = <S extends z.ZodRawShape>(shape: S) => z.looseObject(shape);

/** A nested object of inputs (VoiceMessage `params`); a missing or non-object value reads as {}. */
export const nested = <S extends z.ZodRawShape>(shape: S) =>
  z
    .unknown()
    .optional()
    .transform((v) => (isRecord(v) && !Array.isArray(v) ? v : {}))
    .pipe(z.looseObject(shape));
