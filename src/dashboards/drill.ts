// Drill-down links: a clicked row (plus the dashboard's filters) -> a list page URL in the format
// Refine's syncWithLocation reads (filters[0][field]=..&filters[0][operator]=eq&filters[0][value]=..).
import { stringifyTableParams } from "@refinedev/core";
import { isColumnBinding, isFilterBinding, type Binding, type PanelSpec } from "./spec";
import type { Row } from "./options";

export type FilterValues = Record<string, string | number | null>;

export function resolveBinding(binding: Binding, filters: FilterValues, row?: Row): unknown {
  if (isFilterBinding(binding)) return filters[binding.filter] ?? null;
  if (isColumnBinding(binding)) return row?.[binding.column] ?? null;
  return binding;
}

/** The list URL for a clicked row, or undefined when the panel has no drill-down or no row. */
export function drillUrl(panel: PanelSpec, row: Row | undefined, filters: FilterValues): string | undefined {
  if (!panel.drill || !row) return undefined;
  const conditions = Object.entries(panel.drill.filters)
    .map(([field, binding]) => ({ field, operator: "eq" as const, value: resolveBinding(binding, filters, row) }))
    // an unset dashboard filter (all units) does not narrow the list
    .filter((c) => c.value !== null && c.value !== undefined && c.value !== "");
  const query = stringifyTableParams({ filters: conditions, sorters: [] });
  return query ? `${panel.drill.route}?${query}` : panel.drill.route;
}

/** RPC parameters from the dashboard's filters; unset filters go as null (the function's "all"). */
export function queryParams(panel: PanelSpec, filters: FilterValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(panel.query.params ?? {}).map(([name, b]) => [name, resolveBinding(b, filters)]));
}
