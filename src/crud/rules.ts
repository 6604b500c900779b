// Client-side validation from a field declaration, mirroring the database's rules, with Chinese messages.
import type { Rule } from "antd/es/form";
import dayjs from "dayjs";
import type { FieldDef } from "./types";

/** No date in the records predates the party's founding (the database's app.earliest_date()). */
export const EARLIEST_DATE = "1921-07-01";
/** Nor lies past the last budget and cycle year (app.final_date()). */
export const FINAL_DATE = "2100-12-31";

/** A date field's range as ISO days: EARLIEST_DATE to today + maxYearsAhead years, at most FINAL_DATE (app.latest_date). */
export function dateBounds(field: FieldDef, today = dayjs()): { min: string; max: string } {
  const ahead = field.maxYearsAhead === undefined ? FINAL_DATE : today.add(field.maxYearsAhead, "year").format("YYYY-MM-DD");
  return { min: EARLIEST_DATE, max: ahead < FINAL_DATE ? ahead : FINAL_DATE };
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The password policy of the auth service and the admin_* account functions ([auth] minimum_password_length
 * and password_requirements = "letters_digits" in config.toml): at least 8 characters, a letter and a digit.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const meetsPasswordPolicy = (password: string) =>
  password.length >= PASSWORD_MIN_LENGTH && /[A-Za-z]/.test(password) && /[0-9]/.test(password);
export const passwordRule = (t: Translate): Rule => ({
  validator: (_rule, value: string | undefined) =>
    !value || meetsPasswordPolicy(value) ? Promise.resolve() : Promise.reject(new Error(t("accounts.passwordRule"))),
});

export function rulesFor(field: FieldDef, label: string, t: Translate): Rule[] {
  const rules: Rule[] = [];
  const isSelect = field.type === "enum" || field.type === "relation" || field.type === "date";
  if (field.required) {
    rules.push({ required: true, message: t(isSelect ? "form.select" : "form.required", { label }) });
    // A field of spaces is as empty as no field.
    if (field.type === "text" || field.type === "textarea" || field.type === "email") {
      rules.push({ whitespace: true, message: t("form.required", { label }) });
    }
  }
  if (field.maxLength) rules.push({ max: field.maxLength, message: t("form.tooLong", { label, max: field.maxLength }) });
  if (field.type === "date") {
    // The form holds ISO days ("YYYY-MM-DD", see FormPage), which compare as strings.
    const { min, max } = dateBounds(field);
    rules.push({
      validator: async (_rule, value: string | null | undefined) => {
        if (!value) return;
        if (value < min) throw new Error(t("form.dateTooEarly", { label, min }));
        if (value > max) throw new Error(field.maxYearsAhead === 0 ? t("form.notAfterToday", { label }) : t("form.dateTooLate", { label, max }));
      },
    });
  }
  if (field.type === "email") rules.push({ type: "email", message: t("form.pattern", { label }) });
  if (field.type === "number" || field.type === "money") {
    rules.push({ type: "number", message: t("form.pattern", { label }) });
    if (field.type === "money" && field.min === undefined) {
      rules.push({ type: "number", min: 0.01, message: t("form.positive", { label }) });
    }
    if (field.min !== undefined) rules.push({ type: "number", min: field.min, message: t("form.min", { label, min: field.min }) });
    if (field.max !== undefined) rules.push({ type: "number", max: field.max, message: t("form.max", { label, max: field.max }) });
  }
  return rules;
}
