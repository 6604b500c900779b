// Every string a person reads in the zh-CN dictionary (src/i18n/zh-CN.ts merged with every area's texts) is
// Chinese: no table or column names, no snake_case or camelCase identifiers, no raw status codes. Interpolation
// placeholders ({{name}}) are not shown as such and are left out; a few established abbreviations are allowed.
import { describe, expect, it } from "vitest";
import { zhCN } from "./zh-CN";

/** Latin words a Chinese reader of this product knows (file formats, the sign-in address, units). */
const ALLOWED = new Set(["ID", "CSV", "PNG", "Excel", "PDF", "URL", "QQ", "GBK", "UTF", "http", "https", "xlsx"]);

function strings(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === "string") return [[path.join("."), node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, value]) => strings(value, [...path, key]));
  return [];
}

/** The ASCII words and numbers a string shows, once its placeholders are removed. */
export function asciiIdentifiers(text: string): string[] {
  const shown = text.replace(/\{\{[^}]+\}\}/g, "");
  const words = shown.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];
  const codes = shown.match(/\b\d{3}\b/g) ?? [];
  return [...words.filter((word) => !ALLOWED.has(word)), ...codes];
}

describe("the zh-CN dictionary", () => {
  const all = strings(zhCN);

  it("has the texts of every area merged in", () => {
    expect(all.length).toBeGreaterThan(400);
  });

  it("shows no ASCII identifier or status code in any string", () => {
    const offending = all.filter(([, text]) => asciiIdentifiers(text).length > 0).map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    expect(asciiIdentifiers("删除branch失败（状态码：409）")).toEqual(["branch", "409"]);
    expect(asciiIdentifiers("成立日期JoinedFrom")).toEqual(["JoinedFrom"]);
    expect(asciiIdentifiers("共 {{total}} 条")).toEqual([]);
    expect(asciiIdentifiers("导出 CSV")).toEqual([]);
  });
});
