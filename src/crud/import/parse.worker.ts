// The Web Worker that reads an uploaded file (parse.ts), so a 10,000-row sheet does not freeze the page.
import { readSheet } from "read-excel-file/web-worker";
import type { Cell } from "./core";
import { ImportFileError, parseSpreadsheet } from "./parse";

export type WorkerRequest = { name: string; buffer: ArrayBuffer };
export type WorkerResponse =
  | { ok: true; headings: Cell[]; rows: Cell[][]; headingRow: number }
  | { ok: false; reason: "notSpreadsheet" | "empty" | "failed"; detail?: string };

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { name, buffer } = event.data;
  try {
    const sheet = await parseSpreadsheet(name, new Uint8Array(buffer), async (data) => (await readSheet(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer)) as Cell[][]);
    self.postMessage({ ok: true, ...sheet } satisfies WorkerResponse);
  } catch (cause) {
    const reason = cause instanceof ImportFileError ? cause.reason : "failed";
    self.postMessage({ ok: false, reason, detail: String(cause) } satisfies WorkerResponse);
  }
};
