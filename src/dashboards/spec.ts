// The dashboard specification language: one typed object per file in /dashboards.
// This module is imported by the menu (eagerly), so it must stay free of chart code.

export type Locale = "zh" | "en";

/** UI text: a plain Chinese string, or both languages. */
export type Text = string | { zh: string; en: string };

export const text = (value: Text, locale: Locale = "zh"): string =>
  typeof value === "string" ? value : value[locale] ?? value.zh;

/** How a value is shown: percent expects a fraction (0.853 -> 85.3%). */
export const FORMATS = ["percent", "money", "count", "decimal", "text", "month", "date", "year"] as const;
export type Format = (typeof FORMATS)[number];

export type Column = {
  label: Text;
  format?: Format;
  /** code -> label, for enum columns (carrier kind, grade, ...). */
  enum?: Record<string, Text>;
  /** kept for drill-downs and CSV, left out of the table view (ids) */
  hidden?: boolean;
};

/** A Postgres analytics function (called as an RPC) or a security-invoker view, with the columns it returns. */
export type QuerySource = {
  rpc?: string;
  view?: string;
  columns: Record<string, Column>;
};

export function defineQuery<S extends QuerySource>(source: S): S {
  return source;
}

export type Literal = string | number | boolean | null;
/**
 * A value taken from the dashboard's filters, from the clicked row, or written out.
 * `as: "end_of_year"` turns a year filter into the day a state is read on: 31 Dec, or today for the current year.
 * `{ clicked: "series" }` (drill-downs) is the clicked series: its value column (wide rows) or its `series` value.
 */
export type Binding = { filter: string; as?: "end_of_year" } | { column: string } | { clicked: "series" } | Literal;

// "todos": the rows of public.todos() as the to-do table (kind, count linking to the filtered register list).
export const KINDS = ["kpi", "bar", "stacked_bar", "line", "pie", "radar", "gauge", "heatmap", "table", "todos"] as const;
export type Kind = (typeof KINDS)[number];

export type Encode = {
  /** category axis (bar, line), slice name (pie), radar indicator, heatmap column */
  x?: string;
  /** heatmap row */
  y?: string;
  /** one or more numeric columns; each becomes a series unless `series` pivots them */
  value?: string | string[];
  /** a column whose distinct values become the series (long rows -> one series per value) */
  series?: string;
  /** table kind: the columns to show, in order (default: all declared) */
  columns?: string[];
};

export type FilterSpec =
  | { id: string; kind: "year"; label?: Text; from: number; default?: "current" | "previous" | number }
  | { id: string; kind: "org_unit"; label?: Text }
  | { id: string; kind: "enum"; label: Text; options: Record<string, Text>; default?: string; required?: boolean };

export type PanelSpec = {
  id: string;
  title: Text;
  kind: Kind;
  query: { source: QuerySource; params?: Record<string, Binding> };
  encode: Encode;
  /** overrides the value column's format (axis, tooltip, KPI) */
  format?: Format;
  /** 24-column grid; y and h in rows of ROW_HEIGHT pixels */
  grid: { x: number; y: number; w: number; h: number };
  options?: {
    horizontal?: boolean;
    /** gauge maximum (default 1 for percent, else 100) */
    max?: number;
    /** show a sort switch; sorts rows by this column */
    sortBy?: string;
    /** names of value series for display (value column -> label) come from columns; this adds a note under the title */
    description?: Text;
    /**
     * Categories still in progress (the open evaluation cycle): rows where `field` equals `value` are marked
     * with `label` (default 进行中) on the axis and shaded, so they are not read like finished years.
     */
    inProgress?: { field: string; value: string; label?: Text };
  };
  /** Clicking a datum (a KPI card: its figure) opens a list page filtered by these fields (Refine syncWithLocation format). */
  drill?: { route: string; filters: Record<string, Binding> };
  /**
   * Table panels: each row opens the record it is about, `<route>/show/<row[id]>` (the first column links there),
   * e.g. an uncovered carrier's page from its carrier_id.
   */
  open?: { route: string; id: string };
  /** A link in the panel header (home page: "to the dashboard"). */
  link?: { route: string; label?: Text };
};

export type DashboardSpec = {
  id: string;
  title: Text;
  /** menu position among dashboards */
  order?: number;
  /** leave out of the menu (the home page) */
  hideInMenu?: boolean;
  filters: FilterSpec[];
  panels: PanelSpec[];
};

export function defineDashboard<D extends DashboardSpec>(spec: D): D {
  return spec;
}

export const ROW_HEIGHT = 72;
export const GRID_COLUMNS = 24;
/** between grid cells, both ways (px) */
export const GRID_GAP = 12;

export const valueFields = (encode: Encode): string[] =>
  encode.value === undefined ? [] : Array.isArray(encode.value) ? encode.value : [encode.value];

export const isFilterBinding = (b: Binding): b is { filter: string } =>
  typeof b === "object" && b !== null && "filter" in b;
export const isColumnBinding = (b: Binding): b is { column: string } =>
  typeof b === "object" && b !== null && "column" in b;
export const isClickedBinding = (b: Binding): b is { clicked: "series" } =>
  typeof b === "object" && b !== null && "clicked" in b;

export const queryName = (source: QuerySource): string => source.rpc ?? source.view ?? "?";
