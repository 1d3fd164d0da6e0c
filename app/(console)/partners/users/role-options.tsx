/** A role as offered in the user forms; `beyond` = it holds permissions the admin does not. */
export type RoleOption = { id: string; name: string; beyond?: boolean };

/**
 * The options of a role select. A role beyond the admin's own permissions stays selectable but is
 * marked, so the server's refusal (shown beside the field) comes as no surprise.
 */
export function RoleOptions({ roles }: { roles: RoleOption[] }) {
  return (
    <>
      <option value="">Choose a role…</option>
      {roles.map((r) => (
        <option key={r.id} value={r.id}>
          {r.beyond ? `${r.name} (has permissions you do not hold)` : r.name}
        </option>
      ))}
    </>
  );
}
