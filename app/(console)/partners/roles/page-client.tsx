'use client';
import * as React from 'react';
import { Lock, Pencil, Plus, ShieldCheck, Trash2 } from 'lucide-react';
import { ALL_PERMISSIONS, summarizePermissions, type Permission } from '@/lib/auth/permissions';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { RoleEditorDialog, type EditableRole } from './role-editor-dialog';
import { DeleteRoleDialog } from './delete-role-dialog';

type Role = EditableRole & { userCount: number };

export function RolesClient({ roles, held }: { roles: Role[]; held: Permission[] }) {
  const [editing, setEditing] = React.useState<{ role: Role | null } | null>(null);
  const [deleting, setDeleting] = React.useState<Role | null>(null);
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
        {roles.length === 0 ? (
          <EmptyState icon={<ShieldCheck />} title="No roles yet">
            Create a role to give your team a consistent set of permissions.
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <TH>Role</TH>
                <TH>Permissions</TH>
                <TH className="text-right">Users</TH>
                <TH className="text-right">
                  <span className="sr-only">Actions</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {roles.map((r) => (
                <TR key={r.id} data-testid={`role-${r.name}`}>
                  <TD className="max-w-64">
                    <div className="flex items-center gap-2 font-medium">
                      {r.name}
                      {r.builtIn ? (
                        <Badge>
                          <Lock className="size-3" /> Built-in
                        </Badge>
                      ) : null}
                    </div>
                    {r.description ? <p className="mt-0.5 text-xs text-muted-foreground">{r.description}</p> : null}
                  </TD>
                  <TD>
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
                  </TD>
                  <TD className="text-right tabular-nums">{r.userCount}</TD>
                  <TD className="whitespace-nowrap text-right">
                    <Button variant="ghost" size="icon" aria-label={`Edit ${r.name}`} onClick={() => setEditing({ role: r })}>
                      <Pencil />
                    </Button>
                    <Button
                      variant="ghost"
                      size="icon"
                      className="text-destructive"
                      aria-label={`Delete ${r.name}`}
                      title={r.builtIn ? 'Built-in roles cannot be deleted' : undefined}
                      disabled={r.builtIn}
                      onClick={() => setDeleting(r)}
                    >
                      <Trash2 />
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <RoleEditorDialog open={!!editing} role={editing?.role ?? null} held={held} onClose={() => setEditing(null)} />
      <DeleteRoleDialog role={deleting} roles={roles} onClose={() => setDeleting(null)} />
    </>
  );
}
