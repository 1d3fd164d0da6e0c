'use server';
import { db } from '@/lib/db/client';
import { partnerAction } from '@/app/_lib/action';
import { createRole } from '@/lib/partners/create-role';
import { updateRole } from '@/lib/partners/update-role';
import { deleteRole } from '@/lib/partners/delete-role';
import { createRoleInput, deleteRoleInput, updateRoleInput } from '@/lib/partners/role-input';

export const createRoleAction = partnerAction('partners.roles.manage', createRoleInput, (input, ctx) => createRole(db, ctx.actor, input));

export const updateRoleAction = partnerAction('partners.roles.manage', updateRoleInput, (input, ctx) => updateRole(db, ctx.actor, input));

export const deleteRoleAction = partnerAction('partners.roles.manage', deleteRoleInput, (input, ctx) => deleteRole(db, ctx.actor, input));
