// Display formatting shared by lists and show pages: dates through date-fns (zh-CN by default), money as ¥ (money.ts).
import { format, isValid, parseISO } from "date-fns";
import { enUS, zhCN } from "date-fns/locale";

const dateLocale = (language: string) => (language.startsWith("en") ? enUS : zhCN);

const toDate = (value: unknown): Date | undefined => {
  if (value === null || value === undefined || value === "") return undefined;
  const date = value instanceof Date ? value : parseISO(String(value));
  return isValid(date) ? date : undefined;
};

/** "2024年3月5日" (zh-CN) / "Mar 5, 2024" (en). */
export function formatDate(value: unknown, language = "zh-CN"): string {
  const date = toDate(value);
  return date ? format(date, "PPP", { locale: dateLocale(language) }) : "";
}

/** "2024年3月5日 14:07". */
export function formatDateTime(value: unknown, language = "zh-CN"): string {
  const date = toDate(value);
  return date ? format(date, "PPP HH:mm", { locale: dateLocale(language) }) : "";
}

import { formatMoney } from "./money";

export { formatMoney };

/** "12月1日 14:05" (zh-CN) / "Dec 1 14:05" (en): when something happened recently, in a sentence. */
export function formatShortDateTime(value: unknown, language = "zh-CN"): string {
  const date = toDate(value);
  if (!date) return "";
  return format(date, language.startsWith("en") ? "MMM d HH:mm" : "M月d日 HH:mm", { locale: dateLocale(language) });
}

/** How a number reads: a year as written (2024, never 2,024), a quantity grouped, a rate as a percent, money as ¥. */
export type NumberKind = "year" | "count" | "decimal" | "percent" | "money";

const numberFormats = new Map<string, Intl.NumberFormat>();
const numberFormat = (language: string, kind: NumberKind) => {
  const id = `${language}:${kind}`;
  let format = numberFormats.get(id);
  if (!format) {
    const options: Intl.NumberFormatOptions =
      kind === "count" ? { maximumFractionDigits: 0 }
      : kind === "percent" ? { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }
      : { maximumFractionDigits: 2 };
    numberFormats.set(id, (format = new Intl.NumberFormat(language.startsWith("en") ? "en-US" : "zh-CN", options)));
  }
  return format;
};

export function formatNumber(value: unknown, kind: NumberKind, language = "zh-CN"): string {
  if (value === null || value === undefined || value === "") return "";
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (kind === "money") return formatMoney(n);
  if (kind === "year") return String(Math.trunc(n));
  return numberFormat(language, kind).format(n);
}

/** A numeric column's kind when its declaration does not say: a column named year / *_year is a year. */
export const numberKindOfColumn = (name: string, declared?: NumberKind): NumberKind =>
  declared ?? (/(^|_)year$/.test(name) ? "year" : "decimal");
