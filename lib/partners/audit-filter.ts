import { z } from 'zod';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

/** The audit log's filters as they appear in the URL; anything malformed is ignored rather than an error. */
export const auditFilter = z.object({
  entityType: z.string().max(50).optional().catch(undefined),
  actor: z.string().max(100).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilter>;

export const AUDIT_PAGE_SIZE = 50;
