// 导出: a list's rows as an .xlsx sheet. Pure functions, shared by the list page (ExportButton), the bulk
// "export the selection", the unit tests and bench/export.ts:
//   fetchAllRows  the list's own query (filters, search, sort) through the data provider, every page of the
//                 API's row limit (max_rows), the exact total asked first; cancellable between pages
//   exportColumns / toSheet  the declared fields as columns: headings = the declared labels in the UI language,
//                 enum and boolean values as their labels, relations by name and code, money as numbers with a
//                 ¥ format, dates as real Excel dates
//   writeSheet    the .xlsx (write-excel-file) with a frozen heading row and column widths fit for Chinese text
import type { BaseRecord, CrudFilter, CrudSort, DataProvider } from "@refinedev/core";
import type { Cell, Row as SheetRow, SheetData } from "write-excel-file/universal";
import { booleanLabel, embedAlias, enumLabel, fieldLabelKey, isColumn, relationColumns, relationRowLabel, resourceLabelKey, selectFor } from "./fields";
import { formatMoney } from "./money";
import type { FieldDef, Relation, ResourceDef } from "./types";

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Row = Record<string, unknown>;

/** PostgREST's default max_rows (supabase/config.toml [api]); a smaller limit is found from the first page. */
export const EXPORT_PAGE_SIZE = 1000;

export const MONEY_FORMAT = '"¥"#,##0.00';
export const DATE_FORMAT = "yyyy-mm-dd";
export const DATETIME_FORMAT = "yyyy-mm-dd hh:mm";

export class ExportCancelled extends Error {
  constructor() {
    super("export cancelled");
    this.name = "ExportCancelled";
  }
}

export type FetchAllOptions = {
  resource: ResourceDef;
  filters?: CrudFilter[];
  sorters?: CrudSort[];
  pageSize?: number;
  signal?: AbortSignal;
  /** After each page: rows fetched so far and the total the first page counted. */
  onProgress?: (fetched: number, total: number) => void;
};

/**
 * Every row of the list's query, page after page. The first page asks for the exact total, later pages count
 * nothing. A page shorter than asked before the total is reached means the API caps pages below `pageSize`
 * (max_rows): the page size becomes that cap and paging goes on, so nothing is silently cut off. `total` is what
 * was counted first; rows added or removed meanwhile can make `rows.length` differ, and the caller says so.
 */
export async function fetchAllRows(
  provider: Pick<DataProvider, "getList">,
  { resource, filters = [], sorters = [], pageSize = EXPORT_PAGE_SIZE, signal, onProgress }: FetchAllOptions,
): Promise<{ rows: Row[]; total: number }> {
  const select = exportSelectFor(resource);
  const rows: Row[] = [];
  let total = Infinity;
  let size = pageSize;
  while (rows.length < total) {
    if (signal?.aborted) throw new ExportCancelled();
    const first = rows.length === 0;
    // rows.length is a multiple of `size` here: every page but the last came full
    const page = await provider.getList({
      resource: resource.name,
      pagination: { currentPage: rows.length / size + 1, pageSize: size, mode: "server" },
      filters,
      sorters,
      meta: { select, count: first ? "exact" : "none" },
    });
    if (signal?.aborted) throw new ExportCancelled();
    if (first) total = page.total;
    const data = page.data as Row[];
    rows.push(...data);
    onProgress?.(rows.length, total);
    if (data.length === 0) break; // rows were removed since the count
    if (data.length < size && rows.length < total) {
      if (!first) break; // a short page after full ones: the end of the (shrunk) list
      size = data.length; // the API's cap
    }
  }
  return { rows, total };
}

/** The list's select, with each relation's code (org unit and branch code, 学号/工号) fetched beside its name. */
export function exportSelectFor(resource: ResourceDef): string {
  const fields = resource.fields.map((field) =>
    field.type === "relation" && field.relation?.codeField && isColumn(field)
      ? { ...field, relation: { ...field.relation, select: withColumn(relationColumns(field.relation), field.relation.codeField) } }
      : field,
  );
  return selectFor({ ...resource, fields });
}

const withColumn = (columns: string, column: string) => (columns.split(",").includes(column) ? columns : `${columns},${column}`);

/** One column of the sheet: its heading, the Excel cell of a row, and what decides its width. */
export type ExportColumn = { heading: string; cell: (row: Row) => Cell; text: (row: Row) => string };

/** The fields a sheet shows: every real column the show page shows (its own page's fields, not filter helpers). */
export const exportFields = (resource: ResourceDef) => resource.fields.filter((field) => isColumn(field) && field.show !== false);

/**
 * A translation without options always gives the same text (an enum's label, a boolean's): looked up once per
 * export, not once per cell — i18next's lookup is most of the time of a 10,000-row sheet otherwise.
 */
export function cachedTranslate(t: Translate): Translate {
  const cache = new Map<string, string>();
  return (key, options) => {
    if (options) return t(key, options);
    let text = cache.get(key);
    if (text === undefined) cache.set(key, (text = t(key)));
    return text;
  };
}

export function exportColumns(resource: ResourceDef, translate: Translate): ExportColumn[] {
  const t = cachedTranslate(translate);
  return exportFields(resource).flatMap((field) => {
    const heading = t(fieldLabelKey(resource, field));
    const column: ExportColumn = { heading, cell: (row) => cellOf(field, row, t), text: (row) => textOf(field, row, t) };
    const code = field.type === "relation" ? field.relation?.codeField : undefined;
    if (!code) return [column];
    const codeHeading = t("listTools.export.codeHeading", { label: heading, code: t(`${field.relation!.resource}.fields.${code}`) });
    const codeOf = (row: Row) => String((row[embedAlias(field)] as Row | null | undefined)?.[code] ?? "");
    return [column, { heading: codeHeading, cell: (row) => stringCell(codeOf(row)), text: codeOf }];
  });
}

const stringCell = (value: string): Cell => (value === "" ? null : { value, type: String });

/** A date column's "2024-03-05" as the Excel date of that day (write-excel-file counts days in UTC). */
export function excelDate(value: unknown): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value ?? ""));
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
}

/** A timestamp as the Excel date-time of its wall-clock time where the export is made (as the list shows it). */
export function excelDateTime(value: unknown): Date | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const local = new Date(String(value));
  if (Number.isNaN(local.getTime())) return undefined;
  return new Date(Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds()));
}

const relationText = (relation: Relation, field: FieldDef, row: Row, t: Translate) => {
  const embedded = row[embedAlias(field)] as Row | null | undefined;
  return embedded ? relationRowLabel(relation, embedded, t) : "";
};

/** The Excel cell of one field of a row. */
export function cellOf(field: FieldDef, row: Row, t: Translate): Cell {
  const value = row[field.name];
  if (value === null || value === undefined || value === "") return field.type === "relation" ? stringCell(relationText(field.relation!, field, row, t)) : null;
  switch (field.type) {
    case "money":
    case "number": {
      const amount = Number(value);
      if (!Number.isFinite(amount)) return stringCell(String(value));
      return field.type === "money" ? { value: amount, type: Number, format: MONEY_FORMAT } : { value: amount, type: Number };
    }
    case "date": {
      const date = excelDate(value);
      return date ? { value: date, type: Date, format: DATE_FORMAT } : stringCell(String(value));
    }
    case "datetime": {
      const date = excelDateTime(value);
      return date ? { value: date, type: Date, format: DATETIME_FORMAT } : stringCell(String(value));
    }
    case "enum":
      return stringCell(enumLabel(t, field, value));
    case "boolean":
      return stringCell(booleanLabel(t, field, Boolean(value)));
    case "relation":
      return stringCell(relationText(field.relation!, field, row, t));
    case "json":
      return stringCell(JSON.stringify(value));
    default:
      return stringCell(String(value));
  }
}

/** What a cell reads as in Excel, for its column's width. */
function textOf(field: FieldDef, row: Row, t: Translate): string {
  const value = row[field.name];
  if (value === null || value === undefined || value === "") return field.type === "relation" ? relationText(field.relation!, field, row, t) : "";
  if (field.type === "money") return formatMoney(value);
  if (field.type === "date") return "2024-01-01";
  if (field.type === "datetime") return "2024-01-01 00:00";
  const cell = cellOf(field, row, t);
  return cell && typeof cell === "object" && "value" in cell ? String(cell.value ?? "") : String(value);
}

/** Width in Excel's units (about one Latin character): a Chinese character is two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Rows looked at for the widths: enough to see the long names, cheap for 10,000 rows. */
const WIDTH_SAMPLE = 500;

export function toSheet(columns: ExportColumn[], rows: Row[]): { data: SheetData; widths: number[] } {
  const heading: SheetRow = columns.map((column) => ({ value: column.heading, type: String, fontWeight: "bold" }));
  const data: SheetData = [heading, ...rows.map((row) => columns.map((column) => column.cell(row)))];
  const sample = rows.length > WIDTH_SAMPLE ? rows.filter((_, index) => index % Math.ceil(rows.length / WIDTH_SAMPLE) === 0) : rows;
  const widths = columns.map((column) => {
    const widest = Math.max(displayWidth(column.heading), ...sample.map((row) => displayWidth(column.text(row))));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
  return { data, widths };
}

/** The .xlsx of a sheet, heading row frozen. */
export async function writeSheet(sheet: { data: SheetData; widths: number[] }, sheetName: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import("write-excel-file/universal");
  return writeXlsxFile(sheet.data, {
    sheet: sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, " "),
    columns: sheet.widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBlob();
}

/** `<register label>-<yyyyMMdd-HHmm>.xlsx`, at the local time of the export. */
export function exportFileName(label: string, at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `${label.replace(/[\\/:*?"<>|]/g, "_")}-${stamp}.xlsx`;
}

/** The whole export of a register's rows (fetched already): the file and its name. */
export async function exportWorkbook(resource: ResourceDef, rows: BaseRecord[], t: Translate, at: Date = new Date()) {
  const label = t(resourceLabelKey(resource));
  const blob = await writeSheet(toSheet(exportColumns(resource, t), rows as Row[]), label);
  return { blob, fileName: exportFileName(label, at) };
}

/** Hands a file to the browser as a download. */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
