'use client';
import * as React from 'react';
import { Lock, Pencil, Plus, ShieldCheck, Trash2 } from 'lucide-react';
import { ALL_PERMISSIONS, summarizePermissions, type Permission } from '@/lib/auth/permissions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/data-table/data-table';
import { dataTableColumns } from '@/components/data-table/data-table-columns';
import { actionsHeader } from '@/components/data-table/common-columns';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { RoleEditorDialog, type EditableRole } from './role-editor-dialog';
import { DeleteRoleDialog } from './delete-role-dialog';

type Role = EditableRole & { userCount: number };

const col = dataTableColumns<Role>();

function roleColumns(onEdit: (r: Role) => void, onDelete: (r: Role) => void) {
  return col.columns([
    col.accessor('name', {
      header: 'Role',
      enableSorting: true,
      meta: { cellClassName: 'max-w-64' },
      cell: ({ row: { original: r } }) => (
        <>
          <div className="flex items-center gap-2 font-medium">
            {r.name}
            {r.builtIn ? (
              <Badge>
                <Lock className="size-3" /> Built-in
              </Badge>
            ) : null}
          </div>
          {r.description ? <p className="mt-0.5 text-xs text-muted-foreground">{r.description}</p> : null}
        </>
      ),
    }),
    col.accessor((r) => r.permissions.length, {
      id: 'permissions',
      header: 'Permissions',
      enableSorting: true,
      sortDescFirst: true,
      cell: ({ row: { original: r } }) => (
        <>
          <ul className="flex max-w-xl flex-wrap gap-1">
            {summarizePermissions(r.permissions).map((s) => (
              <li key={s}>
                <Badge tone="info">{s}</Badge>
              </li>
            ))}
          </ul>
          <p className="mt-1 text-xs text-muted-foreground">
            {r.permissions.length} of {ALL_PERMISSIONS.length} permissions
          </p>
        </>
      ),
    }),
    col.accessor('userCount', { header: 'Users', enableSorting: true, sortDescFirst: true, meta: { className: 'text-right', cellClassName: 'tabular-nums' } }),
    col.display({
      id: 'actions',
      header: actionsHeader,
      meta: { className: 'text-right', cellClassName: 'whitespace-nowrap' },
      cell: ({ row: { original: r } }) => (
        <>
          <Button variant="ghost" size="icon" aria-label={`Edit ${r.name}`} onClick={() => onEdit(r)}>
            <Pencil />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="text-destructive"
            aria-label={`Delete ${r.name}`}
            title={r.builtIn ? 'Built-in roles cannot be deleted' : undefined}
            disabled={r.builtIn}
            onClick={() => onDelete(r)}
          >
            <Trash2 />
          </Button>
        </>
      ),
    }),
  ]);
}

export function RolesClient({ roles, held }: { roles: Role[]; held: Permission[] }) {
  const [editing, setEditing] = React.useState<{ role: Role | null } | null>(null);
  const [deleting, setDeleting] = React.useState<Role | null>(null);
  const columns = React.useMemo(() => roleColumns((role) => setEditing({ role }), setDeleting), []);
  return (
    <>
      <PageHeader
        title="Roles"
        description="Sets of permissions you give to your team. A change applies to everyone holding the role on their next page load."
        actions={
          <Button onClick={() => setEditing({ role: null })}>
            <Plus /> Create a role
          </Button>
        }
      />
      <Card>
        <DataTable
          columns={columns}
          data={roles}
          getRowId={(r) => r.id}
          rowProps={(r) => ({ 'data-testid': `role-${r.name}` })}
          empty={
            <EmptyState icon={<ShieldCheck />} title="No roles yet">
              Create a role to give your team a consistent set of permissions.
            </EmptyState>
          }
        />
      </Card>
      <RoleEditorDialog open={!!editing} role={editing?.role ?? null} held={held} onClose={() => setEditing(null)} />
      <DeleteRoleDialog role={deleting} roles={roles} onClose={() => setDeleting(null)} />
    </>
  );
}
