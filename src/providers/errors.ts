// PostgREST / Postgres errors -> Refine HttpError: a numeric HTTP status, the original `code` kept,
// a message a person understands (zh-CN by default), and `errors` keyed by form field so that
// @refinedev/antd's useForm shows the database's message on the field it concerns.
import type { HttpError } from "@refinedev/core";
import { formatShortDateTime } from "../crud/format";
import { i18n } from "../i18n";

export type PostgrestErrorLike = { code?: string; message?: string; details?: string | null; hint?: string | null };

/** PostgREST's documented mapping from error code to HTTP status, for when the response status is not at hand. */
export function statusForCode(code: string | undefined): number {
  if (!code) return 500;
  if (code === "PGRST301" || code === "PGRST302") return 401;
  if (code === "PGRST116") return 406;
  if (/^PGRST1/.test(code)) return 400;
  if (/^PGRST2/.test(code)) return code === "PGRST202" || code === "PGRST205" ? 404 : 400;
  if (/^PGRST/.test(code)) return 500;
  if (code === "42501") return 403;
  if (code === "23503" || code === "23505") return 409;
  if (code === "P0001") return 400;
  if (code === "42883" || code === "42P01") return 404;
  if (code === "25006") return 405;
  if (code === "54000" || code.startsWith("54")) return 413;
  if (/^(08|53)/.test(code)) return 503;
  if (/^(0L|0P|28)/.test(code)) return 403;
  if (/^(09|25|2D|38|39|3B|40|55|57|58|F0|HV|P0|XX)/.test(code)) return 500;
  return 400;
}

/**
 * The form field a database error concerns, if it says. In order: the schema's convention
 * (`hint` = "field:<column>", see supabase/migrations), then what Postgres itself reports for
 * unique / not-null / foreign-key / check violations.
 */
export function fieldOfError(error: PostgrestErrorLike, table?: string): string | undefined {
  const hinted = /(?:^|\s|;)field:\s*([a-z_][a-z0-9_]*)/i.exec(error.hint ?? "");
  if (hinted) return hinted[1];
  const text = `${error.message ?? ""} ${error.details ?? ""}`;
  switch (error.code) {
    case "23505":
    case "23503": {
      // "Key (org_unit_id, code)=(1, X) already exists." -> the last column is the one a person typed.
      const key = /Key \(([^)]+)\)=/.exec(text);
      return key?.[1].split(",").pop()?.trim().replace(/^"|"$/g, "");
    }
    case "23502":
      return /column "([^"]+)"/.exec(text)?.[1];
    case "23514": {
      // Postgres names an inline check `<table>_<column>_check`.
      const constraint = /check constraint "([^"]+)"/.exec(text)?.[1];
      if (!constraint) return undefined;
      const prefix = table ? `${table}_` : "";
      if (constraint.startsWith(prefix) && constraint.endsWith("_check")) {
        const column = constraint.slice(prefix.length, -"_check".length);
        return table ? column : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

// The schema's rules raise their own sentence for people (zh-CN); Postgres' built-in messages are English.
const hasChinese = (text: string | undefined) => Boolean(text && /[\u4e00-\u9fff]/.test(text));

/** A message for people: the database's own where the schema wrote one, a translated one for the rest. */
export function friendlyMessage(error: PostgrestErrorLike, status: number): string {
  const t = i18n.t.bind(i18n);
  if (hasChinese(error.message)) return error.message!;
  switch (error.code) {
    case "P0001":
      return t("errors.rule");
    case "23505":
      return t("errors.unique");
    case "23503":
      return /still referenced|仍被/.test(`${error.message} ${error.details}`) ? t("errors.referenced") : t("errors.foreignKey");
    case "23502":
      return t("errors.required");
    case "23514":
      return t("errors.check");
    case "22001":
      return t("errors.tooLong");
    case "22P02":
    case "22007":
    case "22008":
      return t("errors.invalidFormat");
    case "22003":
      return t("errors.outOfRange");
    case "42501":
      return t("errors.forbidden");
    case "PGRST301":
    case "PGRST302":
      return t("errors.sessionExpired");
    case "PGRST116":
      return t("errors.notFound");
    default:
      // Never the server's English words (they name tables and columns): what failed, in the user's language,
      // and what to do. The details stay on the HttpError (code, details, hint) and in the console.
      if (status === 401) return t("errors.sessionExpired");
      if (status === 403) return t("errors.forbidden");
      if (status === 404 || status === 406) return t("errors.notFound");
      if (status === 409) return t("errors.conflicting");
      if (status === 413) return t("errors.tooLarge");
      if (status === 408 || status === 504 || error.code === "57014") return t("errors.timeout");
      if (status >= 500 || /^(08|53)/.test(error.code ?? "")) return t("errors.unavailable");
      return t("errors.unknown");
  }
}

/** The one place a PostgREST error becomes what Refine expects. statusCode is never NaN. */
export function toHttpError(error: PostgrestErrorLike, httpStatus?: number, table?: string): HttpError {
  const statusCode = httpStatus && Number.isFinite(httpStatus) && httpStatus >= 400 ? httpStatus : statusForCode(error.code);
  const message = friendlyMessage(error, statusCode);
  const field = fieldOfError(error, table);
  return {
    message,
    statusCode,
    code: error.code,
    details: error.details ?? undefined,
    hint: error.hint ?? undefined,
    ...(field ? { errors: { [field]: message } } : {}),
  };
}

/** "0 rows changed" from an update/delete that RLS filtered out: PostgREST answers 200 with []. */
export function blockedWriteError(action: "update" | "delete"): HttpError {
  return {
    message: i18n.t(action === "update" ? "errors.updateBlocked" : "errors.deleteBlocked"),
    statusCode: 403,
    code: "ZERO_ROWS",
  };
}

/** The record changed since the form loaded it: who (when the audit log says) and when. Nothing was saved. */
export function conflictError(who: string | null, when: string): HttpError {
  const at = formatShortDateTime(when, i18n.language);
  return {
    message: who ? i18n.t("errors.conflict", { who, when: at }) : i18n.t("errors.conflictUnknown", { when: at }),
    statusCode: 409,
    code: "CONFLICT",
    changedBy: who,
    changedAt: when,
  };
}

/** The record the form was editing is gone (deleted, or moved out of this role's sight). Nothing was saved. */
export function deletedError(): HttpError {
  return { message: i18n.t("errors.deleted"), statusCode: 404, code: "DELETED" };
}

/** Errors after which the form's values are stale: offer to reload the record. */
export const isStaleRecordError = (error: unknown) => {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return code === "CONFLICT" || code === "DELETED";
};
