// i18next with both dictionaries bundled (they are small); zh-CN is the default, the choice is remembered.
import i18next from "i18next";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = "dangjian.locale";

const storedLocale = (): Locale => {
  const stored = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
  return LOCALES.includes(stored as Locale) ? (stored as Locale) : "zh-CN";
};

export const i18n = i18next.createInstance();

void i18n.init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function rememberLocale(locale: Locale) {
  if (typeof localStorage !== "undefined") localStorage.setItem(STORAGE_KEY, locale);
}
