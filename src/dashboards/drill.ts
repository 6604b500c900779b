// Drill-down links: a clicked row (plus the dashboard's filters) -> a list page URL in the format
// Refine's syncWithLocation reads (filters[0][field]=..&filters[0][operator]=eq&filters[0][value]=..).
import { stringifyTableParams } from "@refinedev/core";
import { isClickedBinding, isColumnBinding, isFilterBinding, type Binding, type PanelSpec } from "./spec";
import type { Row } from "./options";

export type FilterValues = Record<string, string | number | null>;

const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** The day a year's state is read on: its last day, or today while the year is running. */
export function endOfYear(year: number, today = new Date()): string {
  return year >= today.getFullYear() ? isoDay(today) : `${year}-12-31`;
}

export function resolveBinding(binding: Binding, filters: FilterValues, row?: Row, clickedSeries?: string): unknown {
  if (isFilterBinding(binding)) {
    const value = filters[binding.filter] ?? null;
    return binding.as === "end_of_year" && value !== null ? endOfYear(Number(value)) : value;
  }
  if (isColumnBinding(binding)) return row?.[binding.column] ?? null;
  if (isClickedBinding(binding)) return clickedSeries ?? null;
  return binding;
}

/**
 * When a panel reads a state on the chosen year's last day (`as: "end_of_year"`), the day in words: 截至2025年底,
 * or 截至今日 while the year runs. A KPI card shows it, so a past year's figure never passes for today's.
 */
export function asOfCaption(panel: PanelSpec, filters: FilterValues, locale: "zh" | "en", today = new Date()): string | undefined {
  const binding = Object.values(panel.query.params ?? {}).find((b) => isFilterBinding(b) && b.as === "end_of_year");
  if (!binding || !isFilterBinding(binding)) return undefined;
  const year = filters[binding.filter];
  if (year === null || year === undefined || year === "") return undefined;
  if (Number(year) >= today.getFullYear()) return locale === "zh" ? "截至今日" : "As of today";
  return locale === "zh" ? `截至${year}年底` : `As of the end of ${year}`;
}

/** The list URL for a clicked row, or undefined when the panel has no drill-down or no row. */
export function drillUrl(panel: PanelSpec, row: Row | undefined, filters: FilterValues, clickedSeries?: string): string | undefined {
  if (!panel.drill || !row) return undefined;
  const conditions = Object.entries(panel.drill.filters)
    .map(([field, binding]) => ({ field, operator: "eq" as const, value: resolveBinding(binding, filters, row, clickedSeries) }))
    // an unset dashboard filter (all units) does not narrow the list
    .filter((c) => c.value !== null && c.value !== undefined && c.value !== "");
  const query = stringifyTableParams({ filters: conditions, sorters: [] });
  return query ? `${panel.drill.route}?${query}` : panel.drill.route;
}

/** The record a table row is about (`panel.open`), or undefined when the panel opens none or the row has no id. */
export function recordUrl(panel: PanelSpec, row: Row | undefined): string | undefined {
  const id = panel.open && row ? row[panel.open.id] : undefined;
  if (id === null || id === undefined || id === "") return undefined;
  return `${panel.open!.route}/show/${encodeURIComponent(String(id))}`;
}

/** RPC parameters from the dashboard's filters; unset filters go as null (the function's "all"). */
export function queryParams(panel: PanelSpec, filters: FilterValues): Record<string, unknown> {
  return Object.fromEntries(Object.entries(panel.query.params ?? {}).map(([name, b]) => [name, resolveBinding(b, filters)]));
}
