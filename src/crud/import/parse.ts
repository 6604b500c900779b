// Reading an uploaded file into a heading row and data rows: .xlsx with read-excel-file, .csv as UTF-8 (with or
// without BOM) or, when that is not valid UTF-8, GBK (what Excel on a Chinese Windows saves). Runs in the
// worker (parse.worker.ts) and in the benchmark; the page stays responsive while a large file is read.
import type { Cell } from "./core";

export type ParsedSheet = { headings: Cell[]; rows: Cell[][] };
export type ParseFailure = "notSpreadsheet" | "empty";

export class ImportFileError extends Error {
  constructor(readonly reason: ParseFailure) {
    super(reason);
  }
}

/** Bytes as text: UTF-8 if they are valid UTF-8, otherwise GBK. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

/** RFC 4180 CSV (quoted fields with "" escapes, CRLF or LF); a tab-separated file is read by its tabs. */
export function parseCsv(source: string): string[][] {
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b; // a zip archive: "PK"
// A file that is text: no NUL bytes in its first kilobytes (an image, a .xls or a PDF has them).
const looksLikeText = (bytes: Uint8Array) => !bytes.subarray(0, 4096).includes(0);

/** Heading row = the first row with any text (its number from 1 is `headingRow`); the rows after it are the data. */
function split(sheet: Cell[][]): ParsedSheet & { headingRow: number } {
  const nonEmpty = (row: Cell[]) => row.some((cell) => cell != null && String(cell).trim() !== "");
  const start = sheet.findIndex(nonEmpty);
  if (start < 0 || !sheet.slice(start + 1).some(nonEmpty)) throw new ImportFileError("empty");
  return { headings: sheet[start], rows: sheet.slice(start + 1), headingRow: start + 1 };
}

/** The first sheet of an .xlsx, or a .csv. `readXlsx` is read-excel-file's readSheet of the environment. */
export async function parseSpreadsheet(
  name: string,
  bytes: Uint8Array,
  readXlsx: (data: Uint8Array) => Promise<Cell[][]>,
): Promise<ParsedSheet & { headingRow: number }> {
  let sheet: Cell[][];
  if (isXlsx(bytes)) {
    try {
      sheet = await readXlsx(bytes);
    } catch {
      throw new ImportFileError("notSpreadsheet");
    }
  } else if (/\.(csv|txt|tsv)$/i.test(name) && looksLikeText(bytes)) {
    sheet = parseCsv(decodeText(bytes));
  } else {
    throw new ImportFileError("notSpreadsheet");
  }
  return split(sheet);
}
