// The Logs page address for the messages behind a number: its state (or error code, or direction) over
// the same instants and the same subaccount and channel, so the Logs count them exactly as the number does.

export type LogsScope = { from: string; to: string; subAccountId?: string | null; channel?: string | null };
export type LogsSelection = { status?: string; direction?: 'inbound' | 'outbound'; errorCode?: number };

export function logsHref(scope: LogsScope, selection: LogsSelection = {}): string {
  const q = new URLSearchParams();
  if (scope.subAccountId) q.set('subAccountId', scope.subAccountId);
  if (scope.channel) q.set('channel', scope.channel);
  if (selection.direction) q.set('direction', selection.direction);
  if (selection.status) q.set('status', selection.status);
  if (selection.errorCode != null) q.set('errorCode', String(selection.errorCode));
  q.set('from', scope.from);
  q.set('to', scope.to);
  return `/logs?${q}`;
}
