// Permissions are data: this table drives the server guard, the role editor's checklist and the
// navigation. A role holds a list of these keys.

export const PERMISSION_MODULES = [
  { id: 'dashboard', label: 'Dashboard', permissions: [{ key: 'dashboard.view', label: 'View Dashboard' }] },
  {
    id: 'messaging',
    label: 'Messaging',
    permissions: [
      { key: 'messages.send', label: 'Send Messages' },
      { key: 'logs.view', label: 'View Logs' },
      { key: 'reports.view', label: 'View Reports' },
      { key: 'simulator.use', label: 'Use Simulator' },
    ],
  },
  {
    id: 'templates',
    label: 'Templates',
    permissions: [
      { key: 'templates.view', label: 'View Templates' },
      { key: 'templates.write', label: 'Manage Templates' },
    ],
  },
  {
    id: 'campaigns',
    label: 'Campaigns',
    permissions: [
      { key: 'campaigns.view', label: 'View Campaigns' },
      { key: 'campaigns.send', label: 'Send Campaigns' },
    ],
  },
  {
    id: 'contacts',
    label: 'Contacts',
    permissions: [
      { key: 'contacts.view', label: 'View Contacts' },
      { key: 'contacts.manage', label: 'Manage Contacts' },
    ],
  },
  {
    id: 'automation',
    label: 'Automation',
    permissions: [
      { key: 'automation.view', label: 'View Automations' },
      { key: 'automation.edit', label: 'Edit Automations' },
      { key: 'automation.publish', label: 'Publish Automations' },
    ],
  },
  {
    id: 'converse',
    label: 'Converse',
    permissions: [
      { key: 'converse.agent', label: 'Converse Agent' },
      { key: 'converse.supervisor', label: 'Converse Supervisor' },
    ],
  },
  {
    id: 'partners',
    label: 'Partners',
    permissions: [
      { key: 'partners.roles.manage', label: 'Manage Roles' },
      { key: 'partners.users.manage', label: 'Manage Users' },
      { key: 'partners.audit.view', label: 'View Audit Log' },
      { key: 'partners.accounts.manage', label: 'Manage Accounts' },
    ],
  },
  {
    id: 'settings',
    label: 'Settings',
    permissions: [
      { key: 'settings.apikeys.manage', label: 'Manage API Keys' },
      { key: 'settings.webhooks.manage', label: 'Manage Webhooks' },
      { key: 'settings.pricing.manage', label: 'Manage Pricing' },
      { key: 'settings.channels.manage', label: 'Manage Channels' },
    ],
  },
] as const;

export type PermissionModule = (typeof PERMISSION_MODULES)[number];
export type Permission = PermissionModule['permissions'][number]['key'];

export const ALL_PERMISSIONS: Permission[] = PERMISSION_MODULES.flatMap((m) => m.permissions.map((p) => p.key));

const known = new Set<string>(ALL_PERMISSIONS);
export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && known.has(value);
}

/** Reads a role's stored permission list, dropping keys that no longer exist. */
export function parsePermissions(value: unknown): Permission[] {
  return Array.isArray(value) ? value.filter(isPermission) : [];
}

export function permissionLabel(key: Permission): string {
  for (const m of PERMISSION_MODULES) for (const p of m.permissions) if (p.key === key) return p.label;
  return key;
}

/** "View Logs, View Reports", or a whole module ("Templates (all)") when all its permissions are held. */
export function summarizePermissions(permissions: readonly Permission[]): string[] {
  if (ALL_PERMISSIONS.every((k) => permissions.includes(k))) return ['All permissions'];
  const held = new Set(permissions);
  const out: string[] = [];
  for (const m of PERMISSION_MODULES) {
    const keys = m.permissions.map((p) => p.key);
    const mine = keys.filter((k) => held.has(k));
    if (mine.length === keys.length && keys.length > 1) out.push(`${m.label} (all)`);
    else out.push(...mine.map(permissionLabel));
  }
  return out;
}

/** The permissions that make someone a partner admin: whoever holds both manages the team. */
export const ADMIN_PERMISSIONS: Permission[] = ['partners.roles.manage', 'partners.users.manage'];

export const BUILT_IN_ROLES = [
  { name: 'Partner Admin', description: 'Full access to every module and account.', permissions: ALL_PERMISSIONS },
  { name: 'Support Analyst', description: 'Reads message logs and reports.', permissions: ['logs.view', 'reports.view'] as Permission[] },
  { name: 'Sales Viewer', description: 'Sees the dashboard and reports.', permissions: ['dashboard.view', 'reports.view'] as Permission[] },
] as const;
