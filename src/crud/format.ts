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

export { formatMoney } from "./money";

/** "12月1日 14:05" (zh-CN) / "Dec 1 14:05" (en): when something happened recently, in a sentence. */
export function formatShortDateTime(value: unknown, language = "zh-CN"): string {
  const date = toDate(value);
  if (!date) return "";
  return format(date, language.startsWith("en") ? "MMM d HH:mm" : "M月d日 HH:mm", { locale: dateLocale(language) });
}
