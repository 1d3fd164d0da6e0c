import { env } from '@/lib/env';

/** Whether one-time links are emailed (SMTP_URL is set) or handed to the admin to pass on. */
export function isEmailConfigured(): boolean {
  return !!env.SMTP_URL;
}
