import type { I18nProvider } from "@refinedev/core";
import { i18n, LOCALES, rememberLocale, type Locale } from "../i18n";

export const i18nProvider: I18nProvider = {
  // Refine calls translate(key, defaultMessage) as well as translate(key, options, defaultMessage).
  translate: (key: string, options?: unknown, defaultMessage?: string) => {
    // Refine names a resource in its notifications as "<name>.<name>": our dictionaries call that "<name>.label".
    const [head, tail] = key.split(".");
    if (head && head === tail && i18n.exists(`${head}.label`)) return i18n.t(`${head}.label`);
    const fallback = typeof options === "string" ? options : defaultMessage;
    const params = typeof options === "object" && options !== null ? (options as Record<string, unknown>) : {};
    return String(i18n.t(key, { ...params, defaultValue: params.defaultValue ?? fallback ?? key }));
  },
  changeLocale: async (locale: string) => {
    if (!LOCALES.includes(locale as Locale)) return;
    rememberLocale(locale as Locale);
    await i18n.changeLanguage(locale);
  },
  getLocale: () => i18n.language,
};
