import {
  MessageSquareText,
  Activity,
  BadgeDollarSign,
  BookOpen,
  BookUser,
  FileBarChart,
  KeyRound,
  List,
  Megaphone,
  Smartphone,
  Webhook,
  LayoutDashboard,
  ScrollText,
  ShieldCheck,
  Users,
  Workflow,
  type LucideIcon,
  Headset,
  Building2,
  RadioTower,
} from 'lucide-react';
import type { Permission } from '@/lib/auth/permissions';

/** Shown to holders of `permission`, or of any of `orPermissions` (Converse opens to agents and supervisors alike). */
export type NavItem = { href: string; label: string; icon: LucideIcon; permission: Permission; orPermissions?: Permission[] };
export type NavGroup = { label: string | null; items: NavItem[] };

// Grouped as in 8x8 Connect's left-hand menu. An area is listed here only once it works; each item
// shows only to users whose role holds its permission (the page checks it again on the server).
export const NAV_GROUPS: NavGroup[] = [
  { label: null, items: [{ href: '/dashboard', label: 'Dashboard', icon: LayoutDashboard, permission: 'dashboard.view' }] },
  {
    label: 'Messaging',
    items: [
      { href: '/templates', label: 'Templates', icon: MessageSquareText, permission: 'templates.view' },
      { href: '/campaigns', label: 'Campaigns', icon: Megaphone, permission: 'campaigns.view' },
      { href: '/contacts', label: 'Contacts', icon: BookUser, permission: 'contacts.view' },
      { href: '/logs', label: 'Logs', icon: List, permission: 'logs.view' },
      { href: '/reports', label: 'Reports', icon: FileBarChart, permission: 'reports.view' },
      { href: '/simulator', label: 'Simulator', icon: Smartphone, permission: 'simulator.use' },
    ],
  },
  {
    label: 'Automation',
    items: [
      { href: '/automation', label: 'Workflows', icon: Workflow, permission: 'automation.view' },
      { href: '/automation/runs', label: 'Runs', icon: Activity, permission: 'automation.view' },
    ],
  },
  { label: 'Converse', items: [{ href: '/converse', label: 'Inbox', icon: Headset, permission: 'converse.agent', orPermissions: ['converse.supervisor'] }] },
  {
    label: 'Partners',
    items: [
      { href: '/partners/accounts', label: 'Accounts', icon: Building2, permission: 'partners.accounts.manage' },
      { href: '/partners/roles', label: 'Roles', icon: ShieldCheck, permission: 'partners.roles.manage' },
      { href: '/partners/users', label: 'Users', icon: Users, permission: 'partners.users.manage' },
      { href: '/partners/audit-log', label: 'Audit log', icon: ScrollText, permission: 'partners.audit.view' },
    ],
  },
  {
    label: 'Settings',
    items: [
      { href: '/settings/channels', label: 'Channels', icon: RadioTower, permission: 'settings.channels.manage' },
      { href: '/settings/api-keys', label: 'API keys', icon: KeyRound, permission: 'settings.apikeys.manage' },
      { href: '/settings/api-reference', label: 'API reference', icon: BookOpen, permission: 'settings.apikeys.manage' },
      { href: '/settings/webhooks', label: 'Webhooks', icon: Webhook, permission: 'settings.webhooks.manage' },
      { href: '/settings/pricing', label: 'Pricing', icon: BadgeDollarSign, permission: 'settings.pricing.manage' },
    ],
  },
];

export function visibleNav(permissions: ReadonlySet<string>): NavGroup[] {
  return NAV_GROUPS.map((g) => ({
    ...g,
    items: g.items.filter((i) => permissions.has(i.permission) || !!i.orPermissions?.some((p) => permissions.has(p))),
  })).filter((g) => g.items.length > 0);
}

/** Where to land after sign-in: the first area this user may open. */
export function homeFor(permissions: ReadonlySet<string>): string | null {
  return visibleNav(permissions)[0]?.items[0]?.href ?? null;
}
