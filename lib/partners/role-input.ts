import { z } from 'zod';
import { isPermission, type Permission } from '@/lib/auth/permissions';

// Shared by the server actions, the role editor form and the tests: the server parses with these,
// the form shows the same messages beside the same fields.

const permissionList = z
  .array(z.string())
  .min(1, 'Select at least one permission')
  .refine((keys) => keys.every(isPermission), { message: 'Unknown permission' })
  .transform((keys) => [...new Set(keys)] as Permission[]);

export const roleFields = {
  name: z.string().trim().min(1, 'Give the role a name').max(60, 'Keep the name under 60 characters'),
  description: z.string().trim().max(200, 'Keep the description under 200 characters').default(''),
  permissions: permissionList,
};

export const createRoleInput = z.object(roleFields);
export type CreateRoleInput = z.input<typeof createRoleInput>;

export const updateRoleInput = z.object({ id: z.string().min(1), ...roleFields });
export type UpdateRoleInput = z.input<typeof updateRoleInput>;

export const deleteRoleInput = z.object({
  id: z.string().min(1),
  // Users who hold the role move to this one first; without it a role in use cannot be deleted.
  reassignToRoleId: z.string().min(1).optional(),
});
export type DeleteRoleInput = z.input<typeof deleteRoleInput>;
