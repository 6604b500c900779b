// The role rules the UI mirrors (RLS in the database decides; hiding a button is a courtesy).
import type { Role } from "./profile";

export type Action = "list" | "show" | "create" | "edit" | "delete";

/** Who may do what on one resource. Unlisted actions fall back to `read` (list, show) or `write` (create, edit, delete). */
export type ResourceAccess = {
  read?: readonly Role[];
  write?: readonly Role[];
  /**
   * For a table whose RLS write scope is narrower than its read scope: which of the rows a committee admin
   * reads it may also edit and delete (mirrors the policy's write scope, e.g. a budget allocated to a branch).
   */
  committeeWrites?: (record: Record<string, unknown>) => boolean;
} & Partial<Record<Action, readonly Role[]>>;

export type Actor = { role: Role; orgUnitId: number | null };

export const ALL_ROLES: readonly Role[] = ["org_admin", "committee_admin", "leader"];
export const DEFAULT_ACCESS: Required<Pick<ResourceAccess, "read" | "write">> = {
  read: ALL_ROLES,
  write: ["org_admin", "committee_admin"],
};

const READ_ACTIONS: readonly string[] = ["list", "show"];

export type Decision = { can: boolean; reason?: string };

/**
 * May `actor` perform `action` on a resource with these rules? `record` (when the caller has it) lets a
 * committee admin's write be refused on another unit's row before the database refuses it.
 */
export function decide(
  actor: Actor | null,
  action: string,
  access: ResourceAccess = {},
  record?: Record<string, unknown> | null,
): Decision {
  if (!actor) return { can: false, reason: "signed-out" };
  if (actor.role === "org_admin") return { can: true };
  const isRead = READ_ACTIONS.includes(action);
  // Leaders read; they never write, whatever a declaration says.
  if (actor.role === "leader" && !isRead) return { can: false, reason: "read-only" };
  const allowed = access[action as Action] ?? (isRead ? (access.read ?? DEFAULT_ACCESS.read) : (access.write ?? DEFAULT_ACCESS.write));
  if (!allowed.includes(actor.role)) return { can: false, reason: "role" };
  if (actor.role === "committee_admin" && !isRead && record) {
    if (record.org_unit_id != null && record.org_unit_id !== actor.orgUnitId) return { can: false, reason: "other-unit" };
    if (access.committeeWrites && !access.committeeWrites(record)) return { can: false, reason: "record" };
  }
  return { can: true };
}
