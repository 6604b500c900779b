// Pure option builders: aggregated rows + panel spec + locale -> what the panel draws.
// Chart kinds give an ECharts option built on `dataset` + `encode` (radar and gauge series cannot read a
// dataset, so they carry their data inline); kpi and table give a small view model for antd.
// Rows arrive aggregated from Postgres: builders only reshape and label, they never add up.
import type { EChartsCoreOption } from "echarts/core";
import { categoryLabel, formatAxis, formatCell, formatOfColumn, formatValue } from "./format";
import { GRID_GAP, ROW_HEIGHT, text, valueFields, type Column, type Format, type Kind, type Locale, type PanelSpec } from "./spec";

export type Row = Record<string, unknown>;

export type ChartModel = {
  option: EChartsCoreOption;
  /** the source row behind a clicked datum (ECharts dataIndex / seriesIndex), for drill-downs */
  rowAt: (dataIndex: number, seriesIndex: number) => Row | undefined;
  /** what a clicked series stands for: its value column (wide rows) or its `series` column value (pivoted) */
  seriesAt: (seriesIndex: number) => string | undefined;
};

export type KpiModel = { label: string; value: number | null; formatted: string };

export type TableModel = {
  columns: { key: string; title: string; numeric: boolean }[];
  /** formatted cells, keyed like the columns; `key` is the row index */
  rows: (Record<string, string> & { key: string })[];
};

type Context = { panel: PanelSpec; rows: Row[]; locale: Locale };

const columnOf = (panel: PanelSpec, field: string | undefined): Column | undefined =>
  field === undefined ? undefined : panel.query.source.columns[field];

const label = (panel: PanelSpec, field: string, locale: Locale) => {
  const column = columnOf(panel, field);
  return column ? text(column.label, locale) : field;
};

/** The format of a panel's values: the panel's own, else its first value column's. */
export const valueFormat = (panel: PanelSpec): Format | undefined =>
  panel.format ?? columnOf(panel, valueFields(panel.encode)[0])?.format;

const toNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

const numbersIn = (source: unknown[][]): number[] =>
  source.flatMap((r) => r.slice(1)).filter((n): n is number => typeof n === "number");

/** Distinct values of a column in first-seen order (the query's ORDER BY decides). */
const distinct = (rows: Row[], field: string): unknown[] => [...new Set(rows.map((r) => r[field]))];

/**
 * Rows as a dataset with the category in the first dimension and one dimension per series.
 * Long rows (a `series` column) are pivoted to wide; `cell[i][j]` remembers which row fed each cell.
 */
function seriesTable({ panel, rows, locale }: Context) {
  const x = panel.encode.x!;
  const xColumn = columnOf(panel, x);
  const values = valueFields(panel.encode);
  const seriesField = panel.encode.series;
  if (!seriesField) {
    return {
      names: values.map((v) => label(panel, v, locale)),
      source: rows.map((r) => [categoryLabel(r[x], xColumn, locale), ...values.map((v) => toNumber(r[v]))]),
      cell: (dataIndex: number) => rows[dataIndex],
      key: (seriesIndex: number): string | undefined => values[seriesIndex],
    };
  }
  const categories = distinct(rows, x);
  const seriesValues = distinct(rows, seriesField);
  const index = new Map<string, number>();
  rows.forEach((r, i) => index.set(JSON.stringify([r[x], r[seriesField]]), i));
  const at = (c: unknown, s: unknown) => index.get(JSON.stringify([c, s]));
  return {
    names: seriesValues.map((s) => categoryLabel(s, columnOf(panel, seriesField), locale)),
    source: categories.map((c) => [
      categoryLabel(c, xColumn, locale),
      ...seriesValues.map((s) => {
        const i = at(c, s);
        return i === undefined ? null : toNumber(rows[i][values[0]]);
      }),
    ]),
    cell: (dataIndex: number, seriesIndex: number) => {
      const i = at(categories[dataIndex], seriesValues[seriesIndex]);
      return i === undefined ? undefined : rows[i];
    },
    key: (seriesIndex: number) => (seriesValues[seriesIndex] == null ? undefined : String(seriesValues[seriesIndex])),
  };
}

function cartesian(ctx: Context, type: "bar" | "line", stacked: boolean): ChartModel {
  const { panel, locale } = ctx;
  const format = valueFormat(panel);
  const table = seriesTable(ctx);
  const horizontal = type === "bar" && panel.options?.horizontal === true;
  // Up to 12 categories every label is shown: under vertical bars few labels wrap onto two lines, more are
  // slanted (a long unit name is cut only past 9 characters, the tooltip and table view have it whole); beyond 12,
  // and on a time axis (line), every n-th label is shown, n from the labels' measured size (ECharts' "auto"): the
  // points and the tooltip still say which they are. ("hideOverlap" would lay out all 200 units' labels to hide
  // most of them: a 200-unit chart took 26 ms instead of 21.)
  const count = table.source.length;
  const inProgress = inProgressCategories(ctx);
  const categoryAxis = {
    type: "category",
    axisLabel:
      horizontal ? { interval: 0, width: 140, overflow: "truncate" }
      : type === "bar" && count <= 6 ? { interval: 0, width: 64, overflow: "break", lineHeight: 14 }
      : count <= 12 ? { interval: 0, rotate: count > 6 ? 40 : 0, width: 120, overflow: "truncate" }
      : { interval: "auto" },
    ...(horizontal ? { inverse: true } : {}),
  };
  const valueAxis = {
    type: "value",
    axisLabel: { formatter: (v: number) => formatAxis(v, format, locale) },
    // rates read best on a fixed 0-100% scale
    ...(format === "percent" && !stacked && numbersIn(table.source).every((n) => n <= 1) ? { min: 0, max: 1 } : {}),
  };
  // the open cycle's category reads "2026\n进行中": its value is still moving, not a finished year's
  const marked = new Set(inProgress);
  const source = marked.size ? table.source.map(([category, ...values]) => [marked.has(String(category)) ? `${String(category)}\n${inProgressLabel(panel, locale)}` : category, ...values]) : table.source;
  const dimensions = ["category", ...table.names];
  return {
    option: {
      dataset: { dimensions, source },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => formatValue(v, format, locale) },
      legend: { show: table.names.length > 1, top: 0, type: "scroll" },
      grid: { left: 8, right: 16, top: table.names.length > 1 ? 32 : 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: table.names.map((name) => ({
        type,
        name,
        encode: horizontal ? { y: "category", x: name } : { x: "category", y: name },
        ...(stacked ? { stack: "total" } : {}),
        ...(type === "line" ? { showSymbol: table.source.length <= 36, connectNulls: false } : {}),
        emphasis: { focus: "series" },
      })),
    },
    rowAt: table.cell,
    seriesAt: table.key,
  };
}

const inProgressLabel = (panel: PanelSpec, locale: Locale) =>
  text(panel.options?.inProgress?.label ?? { zh: "进行中", en: "in progress" }, locale);

/** The category labels (as on the axis) of rows still in progress, per the panel's `inProgress` option. */
function inProgressCategories({ panel, rows, locale }: Context): string[] {
  const marker = panel.options?.inProgress;
  const x = panel.encode.x;
  if (!marker || !x) return [];
  return rows.filter((row) => String(row[marker.field]) === marker.value).map((row) => categoryLabel(row[x], columnOf(panel, x), locale));
}

function pie({ panel, rows, locale }: Context): ChartModel {
  const x = panel.encode.x!;
  const value = valueFields(panel.encode)[0];
  const format = valueFormat(panel);
  return {
    option: {
      dataset: {
        dimensions: ["name", "value"],
        source: rows.map((r) => [categoryLabel(r[x], columnOf(panel, x), locale), toNumber(r[value])]),
      },
      tooltip: { trigger: "item", valueFormatter: (v: unknown) => formatValue(v, format, locale) },
      legend: { type: "scroll", bottom: 0 },
      series: [
        {
          type: "pie",
          name: label(panel, value, locale),
          radius: ["40%", "68%"],
          center: ["50%", "45%"],
          encode: { itemName: "name", value: "value" },
          label: { formatter: "{b}\n{d}%" },
        },
      ],
    },
    rowAt: (dataIndex) => rows[dataIndex],
    seriesAt: () => undefined,
  };
}

const niceMax = (n: number) => {
  if (n <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
};

function radar(ctx: Context): ChartModel {
  const { panel, locale } = ctx;
  const format = valueFormat(panel);
  const table = seriesTable(ctx);
  const max = panel.options?.max ?? (format === "percent" ? 1 : niceMax(Math.max(0, ...numbersIn(table.source))));
  return {
    option: {
      tooltip: { trigger: "item", valueFormatter: (v: unknown) => formatValue(v, format, locale) },
      legend: { show: table.names.length > 1, bottom: 0 },
      radar: { indicator: table.source.map((r) => ({ name: String(r[0]), max })), radius: "62%" },
      series: [
        {
          type: "radar",
          // a series with no value at all (the unit's average before a unit is chosen) is left out
          data: table.names
            .map((name, j) => ({ name, value: table.source.map((r) => r[j + 1]) }))
            .filter((s) => s.value.some((v) => v !== null)),
          areaStyle: { opacity: 0.15 },
        },
      ],
    },
    // a radar datum is a whole series: there is no single row behind it
    rowAt: () => undefined,
    seriesAt: () => undefined,
  };
}

function gauge({ panel, rows, locale }: Context): ChartModel {
  const field = valueFields(panel.encode)[0];
  const format = valueFormat(panel);
  const value = toNumber(rows[0]?.[field]);
  const max = panel.options?.max ?? (format === "percent" ? 1 : 100);
  return {
    option: {
      series: [
        {
          type: "gauge",
          min: 0,
          max,
          radius: "88%",
          progress: { show: true, width: 10 },
          axisLine: { lineStyle: { width: 10 } },
          // the value in the middle says it all: no scale labels to crowd a small card
          axisLabel: { show: false },
          axisTick: { show: false },
          splitLine: { show: false },
          pointer: { show: false },
          // sized to stay inside the ring of a small card (a 1024-wide screen): "64.2%" at 20 px
          detail: { valueAnimation: true, offsetCenter: [0, "5%"], fontSize: 20, fontWeight: 600, formatter: (v: number) => formatValue(v, format, locale) },
          title: { offsetCenter: [0, "40%"], fontSize: 12 },
          data: [{ name: label(panel, field, locale), value }],
        },
      ],
    },
    rowAt: () => rows[0],
    seriesAt: () => undefined,
  };
}

function heatmap({ panel, rows, locale }: Context): ChartModel {
  const { x, y } = panel.encode as { x: string; y: string };
  const field = valueFields(panel.encode)[0];
  const format = valueFormat(panel);
  const numbers = rows.map((r) => toNumber(r[field])).filter((n): n is number => n !== null);
  const source = rows.map((r) => [
    categoryLabel(r[x], columnOf(panel, x), locale),
    categoryLabel(r[y], columnOf(panel, y), locale),
    toNumber(r[field]),
  ]);
  return {
    option: {
      dataset: { dimensions: ["x", "y", "value"], source },
      tooltip: { trigger: "item", valueFormatter: (v: unknown) => formatValue(v, format, locale) },
      grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
      xAxis: { type: "category", data: distinct(source.map((r) => ({ v: r[0] })), "v"), splitArea: { show: true } },
      yAxis: { type: "category", data: distinct(source.map((r) => ({ v: r[1] })), "v"), splitArea: { show: true } },
      visualMap: {
        min: numbers.length ? Math.min(...numbers) : 0,
        max: numbers.length ? Math.max(...numbers) : 1,
        calculable: true,
        orient: "horizontal",
        left: "center",
        bottom: 0,
        formatter: (v: number) => formatAxis(v, format, locale),
      },
      series: [{ type: "heatmap", name: label(panel, field, locale), encode: { x: "x", y: "y", value: "value" }, label: { show: rows.length <= 120, fontSize: 11, formatter: (p: { value: unknown[] }) => (p.value[2] === null ? "" : formatAxis(Number(p.value[2]), format, locale)) } }],
    },
    rowAt: (dataIndex) => rows[dataIndex],
    seriesAt: () => undefined,
  };
}

export const CHART_BUILDERS: Record<Exclude<Kind, "kpi" | "table" | "todos">, (ctx: Context) => ChartModel> = {
  bar: (ctx) => cartesian(ctx, "bar", false),
  stacked_bar: (ctx) => cartesian(ctx, "bar", true),
  line: (ctx) => cartesian(ctx, "line", false),
  pie,
  radar,
  gauge,
  heatmap,
};

export function buildChart(panel: PanelSpec, rows: Row[], locale: Locale = "zh"): ChartModel {
  if (panel.kind === "kpi" || panel.kind === "table" || panel.kind === "todos") throw new Error(`panel "${panel.id}" (${panel.kind}) is not a chart`);
  return CHART_BUILDERS[panel.kind]({ panel, rows, locale });
}

export function buildKpi(panel: PanelSpec, rows: Row[], locale: Locale = "zh"): KpiModel {
  const field = valueFields(panel.encode)[0];
  const value = toNumber(rows[0]?.[field]);
  return { label: label(panel, field, locale), value, formatted: formatValue(value, valueFormat(panel), locale) };
}

/** The columns a table shows: the panel's list, else every declared column that is not hidden. */
export const tableColumns = (panel: PanelSpec): string[] =>
  panel.encode.columns ?? Object.entries(panel.query.source.columns).filter(([, c]) => !c.hidden).map(([k]) => k);

const NUMERIC: (Format | undefined)[] = ["percent", "money", "count", "decimal"];

// The pixel sizes of a small antd card and table (antd 5 defaults), for the rows a table panel has room for.
const CARD_HEAD = 38;
const CARD_PADDING = 12;
const TABLE_HEAD = 39;
const TABLE_ROW = 39;
const PAGINATION = 24 + 2 * 16;
const TRUNCATED_NOTE = 40 + 8;

/**
 * How many rows a table panel shows a page: as many one-line rows as its card has room for, so a page is read at
 * once instead of scrolling inside the card (a name that wraps makes it scroll a little). Drawing only those is also
 * what keeps a dashboard with two 1,000-row tables quick to open. `truncated`: the note above the table is shown.
 */
export function tablePageSize(panel: PanelSpec, truncated = false): number {
  const body = panel.grid.h * ROW_HEIGHT + (panel.grid.h - 1) * GRID_GAP - CARD_HEAD - 2 * CARD_PADDING;
  const room = body - TABLE_HEAD - PAGINATION - (truncated ? TRUNCATED_NOTE : 0);
  return Math.max(5, Math.floor(room / TABLE_ROW));
}

export function buildTable(panel: PanelSpec, rows: Row[], locale: Locale = "zh"): TableModel {
  const keys = tableColumns(panel);
  const isValue = new Set(valueFields(panel.encode));
  // the panel's format override applies to its value columns, as in the chart
  const formatOf = (key: string) => (isValue.has(key) ? valueFormat(panel) : undefined) ?? formatOfColumn(key, columnOf(panel, key));
  return {
    columns: keys.map((key) => ({ key, title: label(panel, key, locale), numeric: NUMERIC.includes(formatOf(key)) })),
    rows: rows.map((row, i) => {
      const cells: Record<string, string> & { key: string } = { key: String(i) };
      for (const key of keys) cells[key] = formatCell(row[key], columnOf(panel, key), locale, formatOf(key));
      return cells;
    }),
  };
}

/** Rows as CSV for Excel: UTF-8 with BOM, Chinese headers, enum labels, raw numbers. */
export function toCsv(panel: PanelSpec, rows: Row[], locale: Locale = "zh"): string {
  const keys = Object.keys(panel.query.source.columns);
  const quote = (value: unknown) => {
    const s = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const cell = (row: Row, key: string) => {
    const column = columnOf(panel, key);
    const value = row[key];
    return column?.enum && value !== null && value !== undefined ? formatCell(value, column, locale) : value;
  };
  const lines = [keys.map((k) => quote(label(panel, k, locale))), ...rows.map((r) => keys.map((k) => quote(cell(r, k))))];
  return "\uFEFF" + lines.map((l) => l.join(",")).join("\r\n") + "\r\n";
}
