// Money as ¥ with thousands separators; kept apart from the date code so the registry can use it cheaply.
const moneyFormat = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY", minimumFractionDigits: 2 });

/** "¥1,234,567.80"; numeric columns arrive from PostgREST as numbers or strings. */
export function formatMoney(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  const amount = typeof value === "number" ? value : Number(value);
  return Number.isFinite(amount) ? moneyFormat.format(amount) : String(value);
}
