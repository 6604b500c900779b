// A panel's rows as an .xlsx sheet (the table view's 导出 Excel, beside its CSV): the same columns as the CSV,
// Chinese headings, enum labels, and numbers as numbers with their kind's Excel format (percent, money ¥,
// count, decimal), dates as Excel dates. Sheet writing is the list export's (crud/export.ts).
import type { Cell, SheetData } from "write-excel-file/universal";
import { DATE_FORMAT, displayWidth, excelDate, MONEY_FORMAT, writeSheet } from "../crud/export";
import { formatCell } from "./format";
import { text, valueFields, type Format, type Locale, type PanelSpec } from "./spec";

type Row = Record<string, unknown>;

const NUMBER_FORMATS: Partial<Record<Format, string>> = { percent: "0.0%", money: MONEY_FORMAT, count: "#,##0", decimal: "0.0" };

export function panelSheet(panel: PanelSpec, rows: Row[], locale: Locale = "zh"): { data: SheetData; widths: number[] } {
  const columns = panel.query.source.columns;
  const keys = Object.keys(columns);
  const values = new Set(valueFields(panel.encode));
  // the panel's format applies to its value columns, as in the chart and the table view
  const formatOf = (key: string) => (values.has(key) ? panel.format : undefined) ?? columns[key].format;
  const cell = (row: Row, key: string): Cell => {
    const value = row[key];
    if (value === null || value === undefined || value === "") return null;
    const column = columns[key];
    const format = formatOf(key);
    if (column.enum) return { value: formatCell(value, column, locale), type: String };
    if (format === "date") {
      const date = excelDate(value);
      if (date) return { value: date, type: Date, format: DATE_FORMAT };
    }
    const n = typeof value === "number" ? value : format && NUMBER_FORMATS[format] ? Number(value) : NaN;
    if (Number.isFinite(n)) return NUMBER_FORMATS[format!] ? { value: n, type: Number, format: NUMBER_FORMATS[format!] } : { value: n, type: Number };
    return { value: format === "month" ? formatCell(value, column, locale) : String(value), type: String };
  };
  const headings = keys.map((key) => text(columns[key].label, locale));
  const data: SheetData = [
    headings.map((heading) => ({ value: heading, type: String, fontWeight: "bold" as const })),
    ...rows.map((row) => keys.map((key) => cell(row, key))),
  ];
  const widths = keys.map((key, index) => {
    const widest = Math.max(displayWidth(headings[index]), ...rows.slice(0, 500).map((row) => displayWidth(formatCell(row[key], columns[key], locale, formatOf(key)))));
    return Math.min(60, Math.max(8, widest + 2));
  });
  return { data, widths };
}

export const panelWorkbook = (panel: PanelSpec, rows: Row[], locale: Locale = "zh") => writeSheet(panelSheet(panel, rows, locale), text(panel.title, locale));
