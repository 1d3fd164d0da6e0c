import { PayloadTooLargeError } from '@/lib/errors';

/**
 * Largest `data` one workflow instance may carry. Every step run stores it again, so without a cap one
 * HTTP trigger of 20 MB became 8 instances of 20 MB each, and a loop doubling a string in its outputs
 * grows until the process runs out of memory. 1 MiB is hundreds of times any reference payload.
 */
export const MAX_INSTANCE_DATA_BYTES = 1024 * 1024;

/** The size of `data` as stored, when it is over the cap; null when it fits. */
export function oversizeData(data: unknown): number | null {
  const text = JSON.stringify(data) ?? '';
  if (text.length <= MAX_INSTANCE_DATA_BYTES / 3) return null;
  const bytes = Buffer.byteLength(text);
  return bytes > MAX_INSTANCE_DATA_BYTES ? bytes : null;
}

/** Refuses trigger data over the cap before any instance is stored (413 on the API). */
export function assertDataFits(data: unknown, what = 'The trigger data'): void {
  const bytes = oversizeData(data);
  if (bytes !== null) throw new PayloadTooLargeError(`${what} is ${bytes} bytes; a workflow run's data can be at most ${MAX_INSTANCE_DATA_BYTES} bytes`);
}
