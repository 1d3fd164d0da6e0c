import { escapeHtml } from '@/lib/email/escape-html';

export type EmailContent = {
  /** The line mail clients show beside the subject in the inbox. */
  preheader: string;
  heading: string;
  greeting: string;
  paragraphs: string[];
  action: { label: string; url: string };
  /** Under the button: when the link expires, what to do if the mail was unexpected. */
  notes: string[];
  /** Who the mail comes from, under the card. */
  footer: string;
};

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const ACCENT = '#4f46e5';

/**
 * Parley's transactional email as HTML: one centred card, inline styles and tables (mail clients drop
 * stylesheets and flexbox), a button that is a styled link, and the plain link under it for clients
 * that hide buttons. Every value is text and is escaped here, so callers never write HTML.
 */
export function renderEmailLayout(c: EmailContent): string {
  const p = (text: string, style = 'margin:0 0 16px;font-size:15px;line-height:24px;color:#1f2937;') => `<p style="${style}">${escapeHtml(text)}</p>`;
  const url = escapeHtml(c.action.url);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(c.heading)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f7;font-family:${FONT};">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(c.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f7;">
<tr><td align="center" style="padding:32px 16px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;">
<tr><td style="padding:0 0 16px;font-size:16px;font-weight:600;color:#111827;">
<span style="display:inline-block;width:24px;height:24px;line-height:24px;border-radius:6px;background:${ACCENT};color:#ffffff;text-align:center;font-size:13px;vertical-align:middle;">P</span>
<span style="vertical-align:middle;padding-left:8px;">Parley</span>
</td></tr>
<tr><td style="background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;padding:32px;">
<h1 style="margin:0 0 16px;font-size:20px;line-height:28px;font-weight:600;color:#111827;">${escapeHtml(c.heading)}</h1>
${p(c.greeting)}
${c.paragraphs.map((t) => p(t)).join('\n')}
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;">
<tr><td style="border-radius:6px;background:${ACCENT};">
<a href="${url}" target="_blank" style="display:inline-block;padding:12px 24px;font-size:15px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(c.action.label)}</a>
</td></tr>
</table>
${p('If the button does not work, copy this link into your browser:', 'margin:0 0 4px;font-size:13px;line-height:20px;color:#6b7280;')}
<p style="margin:0 0 24px;font-size:13px;line-height:20px;word-break:break-all;"><a href="${url}" target="_blank" style="color:${ACCENT};">${url}</a></p>
${c.notes.map((t) => p(t, 'margin:0 0 8px;font-size:13px;line-height:20px;color:#6b7280;')).join('\n')}
</td></tr>
<tr><td style="padding:16px 0 0;font-size:12px;line-height:18px;color:#9ca3af;text-align:center;">${escapeHtml(c.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** The same content as plain text, for clients that show no HTML (and for spam filters that compare). */
export function renderEmailText(c: EmailContent): string {
  return [c.greeting, ...c.paragraphs, `${c.action.label}:\n${c.action.url}`, ...c.notes, '— Parley'].join('\n\n') + '\n';
}
