type SmtpError = { code?: unknown; responseCode?: unknown; command?: unknown };

/**
 * Why a send failed, in words an admin can act on (or pass to whoever runs the mail server). The
 * server's own reply is left out: it may echo addresses or configuration, and the log has it.
 */
export function describeSendFailure(err: unknown, timeoutMs: number): string {
  const e = (err ?? {}) as SmtpError;
  const status = typeof e.responseCode === 'number' ? ` (${e.responseCode})` : '';
  // 4xx: the server is not refusing for good (busy, greylisting, a full mailbox).
  if (typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500) {
    return `the mail server asked to try again later${status}`;
  }
  switch (e.code) {
    case 'ETIMEDOUT':
      return `the mail server did not answer within ${formatSeconds(timeoutMs)}`;
    case 'EAUTH':
    case 'ENOAUTH':
      return `the mail server refused Parley’s sign-in${status}`;
    case 'EENVELOPE':
      return `the mail server refused the address${status}`;
    case 'EMESSAGE':
      return `the mail server refused the message${status}`;
    case 'EDNS':
      return 'the mail server’s name could not be resolved';
    case 'ETLS':
      return 'a secure connection to the mail server could not be made';
    case 'EPROTOCOL':
    case 'ECONNECTION':
    case 'ESOCKET':
      return status ? `the mail server refused the connection${status}` : 'the mail server could not be reached';
    default:
      return status ? `the mail server answered with an error${status}` : 'the mail server could not be reached';
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
