// Number and label formatting for charts, tables and CSV, following the UI locale (zh-CN by default).
import { text, type Column, type Format, type Locale } from "./spec";

export const intlLocale = (locale: Locale) => (locale === "en" ? "en-US" : "zh-CN");

// a formatter is costly to make (a table of a thousand dates made a thousand): one per locale and kind
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
const formatter = <F extends Intl.NumberFormat | Intl.DateTimeFormat>(locale: Locale, key: string, make: (tag: string) => F): F => {
  const id = `${locale}:${key}`;
  let made = formatters.get(id) as F | undefined;
  if (!made) formatters.set(id, (made = make(intlLocale(locale))));
  return made;
};
const numberFormat = (locale: Locale, key: string, options: Intl.NumberFormatOptions) =>
  formatter(locale, key, (tag) => new Intl.NumberFormat(tag, options));
const dateFormat = (locale: Locale, key: string, options: Intl.DateTimeFormatOptions) =>
  formatter(locale, `date:${key}`, (tag) => new Intl.DateTimeFormat(tag, options));

const toNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** One value as text: 0.853 -> "85.3%", 12345.5 -> "¥12,345.50", 1234 -> "1,234". */
export function formatValue(value: unknown, format: Format | undefined, locale: Locale = "zh"): string {
  if (value === null || value === undefined) return "—";
  switch (format) {
    case "percent": {
      const n = toNumber(value);
      return n === null ? String(value) : numberFormat(locale, "percent", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
    }
    case "money": {
      const n = toNumber(value);
      return n === null ? String(value) : numberFormat(locale, "money", { style: "currency", currency: "CNY", currencyDisplay: "symbol" }).format(n);
    }
    case "count": {
      const n = toNumber(value);
      return n === null ? String(value) : numberFormat(locale, "count", { maximumFractionDigits: 0 }).format(n);
    }
    case "decimal": {
      const n = toNumber(value);
      return n === null ? String(value) : numberFormat(locale, "decimal", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
    }
    case "year": {
      // a year is a label, never a quantity: 2024, not 2,024
      const n = toNumber(value);
      return n === null ? String(value) : String(Math.trunc(n));
    }
    case "month": {
      // "2025-03" or a date -> 2025年3月 / Mar 2025
      const match = /^(\d{4})-(\d{2})/.exec(String(value));
      if (!match) return String(value);
      const date = new Date(Number(match[1]), Number(match[2]) - 1, 1);
      return dateFormat(locale, "month", { year: "numeric", month: locale === "en" ? "short" : "long" }).format(date);
    }
    case "date": {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
      if (!match) return String(value);
      const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      return dateFormat(locale, "date", { year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
    }
    default: {
      const n = typeof value === "number" ? value : null;
      return n === null ? String(value) : numberFormat(locale, "plain", { maximumFractionDigits: 2 }).format(n);
    }
  }
}

/** A column's format: its declared one, else "year" for a column named year / *_year (never shown as 2,024). */
export const formatOfColumn = (key: string, column: Column | undefined): Format | undefined =>
  column?.format ?? (/(^|_)year$/.test(key) ? "year" : undefined);

/** Short axis labels: money and large counts compact (¥12万), percent without decimals when whole. */
export function formatAxis(value: number, format: Format | undefined, locale: Locale = "zh"): string {
  switch (format) {
    case "percent":
      return numberFormat(locale, "axis-percent", { style: "percent", maximumFractionDigits: 1 }).format(value);
    case "money":
      return numberFormat(locale, "axis-money", { style: "currency", currency: "CNY", notation: "compact", minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(value);
    case "count":
    case "decimal":
    default:
      return numberFormat(locale, "axis-number", { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
}

/** A cell for display: enum codes become their label, numbers get the column's format. */
export function formatCell(value: unknown, column: Column | undefined, locale: Locale = "zh", format?: Format): string {
  if (column?.enum && value !== null && value !== undefined) {
    const label = column.enum[String(value)];
    if (label !== undefined) return text(label, locale);
  }
  return formatValue(value, format ?? column?.format, locale);
}

/** The display name of a category value (enum label, month, or the value itself). */
export function categoryLabel(value: unknown, column: Column | undefined, locale: Locale = "zh"): string {
  if (value === null || value === undefined) return "—";
  if (column?.enum?.[String(value)] !== undefined) return text(column.enum[String(value)], locale);
  if (column?.format === "month" || column?.format === "date") return formatValue(value, column.format, locale);
  return String(value);
}
