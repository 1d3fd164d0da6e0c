import { apiKeyActor, type Actor } from '@/lib/audit/record-audit-event';
import type { Permission } from '@/lib/auth/permissions';
import { PermissionError } from '@/lib/errors';
import type { TicketRow } from '@/lib/converse/ticket-rows';

/**
 * Who works the inbox, and so which tickets they see and what they may do with them:
 * - an agent (converse.agent) sees the queue and the tickets assigned to them, takes queued tickets
 *   and works their own;
 * - a supervisor (converse.supervisor) sees every ticket of the account, assigns anyone, and
 *   configures Converse;
 * - an API key acts as the key, not as a user: it holds no tickets of its own ("mine" is empty for a
 *   key), sees every ticket of its account, and assigning needs an assigneeId (and the supervisor
 *   scope, as assigning others does for a person).
 */
export type ConverseViewer = {
  accountId: string;
  /** The signed-in user, or null for an API key. */
  userId: string | null;
  /** How notes name the author: the user's name, or the key's. */
  name: string;
  supervisor: boolean;
  /** Sees every ticket of the account (a supervisor, or an API key). */
  seesAll: boolean;
  actor: Actor;
};

type PersonLike = { userId: string; email: string; name: string; partnerId: string; permissions: ReadonlySet<Permission> };

/** A signed-in user in an account they may open (the caller checked the account). */
export function userViewer(person: PersonLike, accountId: string): ConverseViewer {
  const supervisor = person.permissions.has('converse.supervisor');
  if (!supervisor && !person.permissions.has('converse.agent')) throw new PermissionError('You need the "converse.agent" or "converse.supervisor" permission');
  return {
    accountId,
    userId: person.userId,
    name: person.name || person.email,
    supervisor,
    seesAll: supervisor,
    actor: { partnerId: person.partnerId, userId: person.userId, label: person.email },
  };
}

type KeyLike = { accountId: string; partnerId: string; name: string; prefix: string; scopes: Permission[] | null };

/** An API key (withApiKey checked the route's permission against its scopes). */
export function keyViewer(key: KeyLike): ConverseViewer {
  return {
    accountId: key.accountId,
    userId: null,
    name: `API key ${key.name}`,
    supervisor: !key.scopes || key.scopes.includes('converse.supervisor'),
    seesAll: true,
    actor: apiKeyActor(key),
  };
}

/** Whether the viewer may see (and so work) the ticket: anything else is answered as not found. */
export function canSeeTicket(viewer: ConverseViewer, t: Pick<TicketRow, 'assigneeId' | 'status'>): boolean {
  if (viewer.seesAll) return true;
  return t.assigneeId === viewer.userId || (t.assigneeId === null && t.status === 'queued');
}

/** The SQL condition (on "ConverseTicket") and its parameters for what the viewer may see. */
export function visibleWhere(viewer: ConverseViewer): { sql: string; params: unknown[] } {
  if (viewer.seesAll) return { sql: '1 = 1', params: [] };
  return { sql: `("assigneeId" = ? OR ("assigneeId" IS NULL AND "status" = 'queued'))`, params: [viewer.userId] };
}

export function requireSupervisor(viewer: ConverseViewer, what: string): void {
  if (!viewer.supervisor) throw new PermissionError(`Only Converse supervisors and administrators can ${what}`);
}
