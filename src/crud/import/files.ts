// The two files an import hands to people, written with write-excel-file: the template (the register's columns
// as zh-CN headings, required ones marked *, and a 说明 sheet with every allowed value and the date formats) and
// the error file (the uploaded rows with a 错误说明 column).
import writeXlsxFile from "write-excel-file/browser";
import { errorFileRows, instructionRows, templateHeading, type Cell, type CellError, type ImportColumn } from "./core";

const bold = (value: string) => ({ value, fontWeight: "bold" as const });
// Chinese text is about two characters wide per character.
const width = (text: string) => Math.min(60, Math.max(10, [...text].reduce((n, c) => n + (c.charCodeAt(0) > 255 ? 2 : 1), 0) + 2));

export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
