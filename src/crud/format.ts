// Display formatting shared by lists and show pages: dates through date-fns (zh-CN by default), money as ¥.
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

const moneyFormat = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY", minimumFractionDigits: 2 });

/** "¥1,234,567.80"; numeric columns arrive from PostgREST as numbers or strings. */
export function formatMoney(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  const amount = typeof value === "number" ? value : Number(value);
  return Number.isFinite(amount) ? moneyFormat.format(amount) : String(value);
}
