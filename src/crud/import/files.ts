// The two files an import hands to people, written with write-excel-file: the template (the register's columns
// as zh-CN headings, required ones marked *, and a 说明 sheet with every allowed value and the date formats) and
// the error file (the uploaded rows with a 错误说明 column).
import writeXlsxFile from "write-excel-file/browser";
import { displayWidth } from "../export";
import { errorFileRows, instructionRows, templateHeading, type Cell, type CellError, type ImportColumn } from "./core";

const bold = (value: string) => ({ value, fontWeight: "bold" as const });
// A column as wide as its text (a Chinese character counts two, as in the export), within 10–60.
const width = (text: string) => Math.min(60, Math.max(10, displayWidth(text) + 2));

export async function templateBlob(registerLabel: string, columns: readonly ImportColumn[]): Promise<Blob> {
  const headings = columns.map(templateHeading);
  const instructions = [
    ...instructionRows(columns),
    [],
    ["带 * 的列必填; 第一行是列名, 从第二行起每行一条记录; 空单元格按默认值处理。"],
  ];
  return writeXlsxFile([
    { data: [headings.map(bold)], sheet: registerLabel.slice(0, 31), columns: headings.map((h) => ({ width: width(h) + 4 })), stickyRowsCount: 1 },
    {
      data: instructions.map((row, i) => row.map((cell) => (i === 0 ? bold(cell) : cell))),
      sheet: "说明",
      columns: [{ width: 20 }, { width: 8 }, { width: 90 }],
      stickyRowsCount: 1,
    },
  ] as never).toBlob();
}

export async function errorFileBlob(
  headings: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  errors: readonly CellError[],
  columns: readonly ImportColumn[],
  headingRow: number,
): Promise<Blob> {
  const data = errorFileRows(headings, rows, errors, columns, headingRow).map((row, i) =>
    row.map((cell) => (i === 0 ? bold(String(cell ?? "")) : cell instanceof Date ? { value: cell, type: Date, format: "yyyy-mm-dd" } : cell)),
  );
  return writeXlsxFile(data as never, { sheet: "错误说明", stickyRowsCount: 1 } as never).toBlob();
}
