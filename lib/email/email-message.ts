/** One email as Parley writes it: every message has a plain-text body and an HTML body. */
export type EmailMessage = { to: string; subject: string; text: string; html: string };
