import 'server-only';
import { env } from '@/lib/env';
import { requestOrigin } from '@/app/_lib/request-origin';

/**
 * Where links sent out of Parley (emails) point: AUTH_URL when the deployment names its public
 * address, otherwise the origin the admin's browser reached, as the on-screen link uses.
 */
export async function publicOrigin(): Promise<string> {
  return env.AUTH_URL ? new URL(env.AUTH_URL).origin : requestOrigin();
}
