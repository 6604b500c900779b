// The browser's half of an import (DESIGN.md "Import and export"): which columns a register takes, how a
// spreadsheet's headings map to them, and how cells become the JSON values public.import_rows expects.
// It resolves no reference itself: a related row is sent as its natural-key text (or, for a composite key,
// {part: value}) and the database finds it. Pure functions, shared by the dialog, the worker-free tests and
// the benchmark; what they cannot read (a date that is no date, an enum label that is none) is an error on
// its cell, reported beside the database's errors.
import type { EnumDef, FieldDef, FieldType, ResourceDef } from "../types";

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export type ImportColumn = {
  name: string;
  type: FieldType;
  required: boolean;
  /** zh-CN label first, then en: both are recognised as headings. */
  labels: [string, string];
  enum?: { values: readonly string[]; labels: Record<string, [string, string]> };
  /** A relation: what to write (zh-CN), and the parts of a composite key. */
  key?: { hint: string; parts?: { column: string; enum?: ImportColumn["enum"] }[] };
};

export type Cell = string | number | boolean | Date | null | undefined;
export type CellError = { row: number; column: string | null; message: string };
export type RpcRow = Record<string, unknown> & { _row: number };

const enumSpec = (e: EnumDef, zh: Translate, en: Translate): ImportColumn["enum"] => ({
  values: e.values,
  labels: Object.fromEntries(e.values.map((v) => [v, [zh(`enums.${e.name}.${v}`), en(`enums.${e.name}.${v}`)]])),
});

/** The fields a spreadsheet fills: those of the create form (never computed, edit-only or read-only ones). */
export function importFields(resource: ResourceDef): FieldDef[] {
  return resource.fields.filter(
    (f) => !f.name.includes(".") && !f.computed && f.form !== false && f.form !== "edit" && f.type !== "json" && f.type !== "datetime",
  );
}

export function importColumns(resource: ResourceDef, zh: Translate, en: Translate): ImportColumn[] {
  return importFields(resource).map((field) => {
    const label = field.label ?? `${resource.name}.fields.${field.name}`;
    const key = field.relation?.importKey;
    return {
      name: field.name,
      type: field.type,
      required: Boolean(field.required),
      labels: [zh(label), en(label)],
      enum: field.enum ? enumSpec(field.enum, zh, en) : undefined,
      key: key
        ? { hint: zh(key.hint), parts: key.parts?.map((p) => ({ column: p.column, enum: p.enum ? enumSpec(p.enum, zh, en) : undefined })) }
        : undefined,
    };
  });
}

// ---- headings ----

/** A heading as compared: no spaces, no required mark, half-width brackets, lower case. */
export const normalizeHeading = (text: unknown) =>
  String(text ?? "")
    .normalize("NFKC")
    .replace(/[\s*]/g, "")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .toLowerCase();

/**
 * Each heading's column (or null when none fits): by zh-CN label, en label or column name. A column is taken by
 * its first heading only (a repeated heading stays unmapped).
 */
export function matchHeadings(headings: readonly unknown[], columns: readonly ImportColumn[]): (string | null)[] {
  const byText = new Map<string, string>();
  for (const column of columns) {
    for (const text of [...column.labels, column.name]) {
      const key = normalizeHeading(text);
      if (key && !byText.has(key)) byText.set(key, column.name);
    }
  }
  const taken = new Set<string>();
  return headings.map((heading) => {
    const name = byText.get(normalizeHeading(heading));
    if (!name || taken.has(name)) return null;
    taken.add(name);
    return name;
  });
}

/** The template's heading of a column: its zh-CN label, required ones marked with *. */
export const templateHeading = (column: ImportColumn) => `${column.labels[0]}${column.required ? "*" : ""}`;

// ---- values ----

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
};

/** An Excel day number (1900 date system; 1 = 1900-01-01, Lotus's phantom 1900-02-29 included) as yyyy-mm-dd. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || Math.floor(serial) === 60) return null;
  // from day 61 on, the days count from 1899-12-30 (one day is the phantom 1900-02-29)
  const date = new Date(Date.UTC(1899, 11, serial < 61 ? 31 : 30) + Math.floor(serial) * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日, an Excel serial or a Date cell; null when it is none of them. */
export function parseDate(value: Cell): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : isoDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") return excelSerialToDate(value);
  const text = String(value ?? "").normalize("NFKC").trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00)?)?$/.exec(text);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text)); // a serial that arrived as text (CSV)
  return null;
}

/** A number with thousands separators, ¥ / ￥ / 元 and spaces; null when it is none. */
export function parseNumber(value: Cell): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = String(value ?? "")
    .normalize("NFKC")
    .replace(/[¥￥,\s]|元$|RMB|CNY/gi, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Number(text);
}

const enumValue = (spec: NonNullable<ImportColumn["enum"]>, value: Cell): string | null => {
  const text = normalizeHeading(value);
  for (const v of spec.values) {
    if (normalizeHeading(v) === text || spec.labels[v].some((label) => normalizeHeading(label) === text)) return v;
  }
  return null;
};

const text = (value: Cell) => (value instanceof Date ? (parseDate(value) ?? "") : String(value ?? "")).trim();
const isEmpty = (value: Cell) => value == null || (typeof value === "string" && value.trim() === "");

export type Converted = { value: unknown } | { error: string } | { empty: true };

/** One cell as the value to send, or the reason it cannot be read (zh-CN). */
export function convertCell(column: ImportColumn, value: Cell): Converted {
  if (isEmpty(value)) return { empty: true };
  switch (column.type) {
    case "date": {
      const day = parseDate(value);
      return day ? { value: day } : { error: `「${text(value)}」不是有效的日期 (可写 2024-03-05、2024/3/5 或 2024年3月5日)` };
    }
    case "number":
    case "money": {
      const n = parseNumber(value);
      return n === null ? { error: `「${text(value)}」不是有效的${column.type === "money" ? "金额" : "数字"}` } : { value: n };
    }
    case "boolean": {
      const t = normalizeHeading(value);
      if (["是", "true", "yes", "y", "1", "√"].includes(t)) return { value: true };
      if (["否", "false", "no", "n", "0", "×"].includes(t)) return { value: false };
      return { error: `「${text(value)}」应为 是 或 否` };
    }
    case "enum": {
      const v = column.enum ? enumValue(column.enum, value) : null;
      return v
        ? { value: v }
        : { error: `「${text(value)}」不是允许的取值 (可选: ${column.enum?.values.map((x) => column.enum!.labels[x][0]).join("、")})` };
    }
    case "relation": {
      const parts = column.key?.parts;
      if (!parts) return { value: text(value) };
      // a composite key: "part/part/part"; an empty part (a unit budget's branch) matches an empty column
      const pieces = text(value).split(/\s*[/／]\s*/);
      if (pieces.length !== parts.length) return { error: `「${text(value)}」应写成 ${column.key!.hint}` };
      const key: Record<string, unknown> = {};
      for (const [i, part] of parts.entries()) {
        if (part.enum && pieces[i] !== "") {
          const v = enumValue(part.enum, pieces[i]);
          if (!v) return { error: `「${pieces[i]}」不是允许的取值 (可选: ${part.enum.values.map((x) => part.enum!.labels[x][0]).join("、")})` };
          key[part.column] = v;
        } else {
          key[part.column] = pieces[i] === "" ? null : pieces[i];
        }
      }
      return { value: key };
    }
    default:
      return { value: text(value) };
  }
}

/**
 * The sheet's data rows as public.import_rows rows: `mapping[i]` is the column of heading i (null: ignored),
 * row numbers as the spreadsheet shows them (the heading is row `headingRow`). Empty rows are skipped; empty
 * cells left out (the database applies defaults); unreadable cells become errors and are left out too.
 */
export function toImportRows(
  rows: readonly (readonly Cell[])[],
  mapping: readonly (string | null)[],
  columns: readonly ImportColumn[],
  headingRow = 1,
): { rows: RpcRow[]; errors: CellError[] } {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const out: RpcRow[] = [];
  const errors: CellError[] = [];
  rows.forEach((cells, index) => {
    if (cells.every(isEmpty)) return;
    const rowNumber = headingRow + 1 + index;
    const row: RpcRow = { _row: rowNumber };
    mapping.forEach((name, i) => {
      const column = name ? byName.get(name) : undefined;
      if (!column) return;
      const converted = convertCell(column, cells[i]);
      if ("value" in converted) row[column.name] = converted.value;
      else if ("error" in converted) errors.push({ row: rowNumber, column: column.name, message: converted.error });
    });
    out.push(row);
  });
  return { rows: out, errors };
}

/**
 * The local errors and the database's, in row order, one per cell: a cell the browser could not read was not
 * sent, so the database may only say it is missing (必填) — the browser's reason is the one kept.
 */
export function mergeErrors(local: readonly CellError[], remote: readonly CellError[]): CellError[] {
  const seen = new Set(local.map((e) => `${e.row}:${e.column}`));
  return [...local, ...remote.filter((e) => !seen.has(`${e.row}:${e.column}`))].sort((a, b) => a.row - b.row);
}

// ---- files written for people ----

export const ERROR_HEADING = "错误说明";

/** The uploaded sheet again, with a last 错误说明 column: "列: 消息；列: 消息" for each row with errors. */
export function errorFileRows(
  headings: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  errors: readonly CellError[],
  columns: readonly ImportColumn[],
  headingRow = 1,
): Cell[][] {
  const label = new Map(columns.map((c) => [c.name, c.labels[0]]));
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const list = byRow.get(e.row) ?? [];
    list.push(e.column ? `${label.get(e.column) ?? e.column}: ${e.message}` : e.message);
    byRow.set(e.row, list);
  }
  const width = Math.max(headings.length, ...rows.map((r) => r.length));
  const padded = (cells: readonly Cell[]) => Array.from({ length: width }, (_, i) => cells[i] ?? null);
  return [
    [...padded(headings), ERROR_HEADING],
    ...rows.map((cells, index) => [...padded(cells), byRow.get(headingRow + 1 + index)?.join("；") ?? null]),
  ];
}

/** The rows of the template's 说明 sheet: each column, whether it is required, and what to write. */
export function instructionRows(columns: readonly ImportColumn[]): string[][] {
  const what = (c: ImportColumn): string => {
    switch (c.type) {
      case "date":
        return "日期: 2024-03-05、2024/3/5、2024年3月5日 或 Excel 日期";
      case "money":
        return "金额 (元): 数字, 可带 ¥ 与千位分隔符, 如 ¥1,234.50";
      case "number":
        return "数字";
      case "boolean":
        return "是 或 否";
      case "enum":
        return `可选: ${c.enum!.values.map((v) => c.enum!.labels[v][0]).join("、")}`;
      case "relation":
        return c.key?.parts
          ? `${c.key.hint}${c.key.parts
              .filter((p) => p.enum)
              .map((p) => `; 类型可选: ${p.enum!.values.map((v) => p.enum!.labels[v][0]).join("、")}`)
              .join("")}`
          : (c.key?.hint ?? "");
      default:
        return "文字";
    }
  };
  return [["列", "必填", "填写说明"], ...columns.map((c) => [c.labels[0], c.required ? "是" : "否", what(c)])];
}
