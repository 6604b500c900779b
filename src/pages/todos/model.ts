// The rows of public.todos() and the links the to-do screens build from them: each kind to its register's list
// filtered by the kind's computed column (todo_<kind>=eq.true, in Refine's URL format, so the list can be
// bookmarked and exported), each record to the page where it is fixed.
import { stringifyTableParams, type CrudFilter } from "@refinedev/core";

export type TodoUnit = { org_unit_id: number; org_unit_name: string; count: number };

export type TodoRow = {
  kind: string;
  position: number;
  label: string;
  label_en: string;
  description: string;
  /** the register's table, which is also its resource name */
  register: string;
  /** the page where a record is fixed, ":id" standing for the record */
  fix_path: string;
  count: number;
  ids: number[];
  /** per org unit, for readers of the whole school; null for a committee admin */
  by_unit: TodoUnit[] | null;
};

/** The computed column a register's list filters on for one kind. */
export const todoColumn = (kind: string) => `todo_${kind}`;

/**
 * The register's list showing exactly this kind's records (optionally of one org unit, where the register has
 * an org_unit_id column). `route` is the register's list route.
 */
export function todoListUrl(route: string, kind: string, orgUnitId?: number | null, unitColumn?: string): string {
  const filters: CrudFilter[] = [{ field: todoColumn(kind), operator: "eq", value: true }];
  if (orgUnitId != null && unitColumn) filters.push({ field: unitColumn, operator: "eq", value: orgUnitId });
  return `${route}?${stringifyTableParams({ filters, sorters: [] })}`;
}

/** Where one record of a kind is fixed. */
export const fixUrl = (row: Pick<TodoRow, "fix_path">, id: number) => row.fix_path.replaceAll(":id", encodeURIComponent(String(id)));

/** The count of a kind in one org unit (from the breakdown), or the caller's whole count. */
export function countIn(row: TodoRow, orgUnitId?: number | null): number {
  if (orgUnitId == null || !row.by_unit) return Number(row.count);
  return row.by_unit.find((unit) => Number(unit.org_unit_id) === Number(orgUnitId))?.count ?? 0;
}
