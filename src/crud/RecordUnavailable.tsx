import { useGo, useTranslate, type HttpError } from "@refinedev/core";
import { Button, Result } from "antd";

/**
 * A record that cannot be shown: missing or hidden by RLS from this role (typed URL, old link), refused, or a
 * failure. Says which, instead of a broken form.
 */
export function RecordUnavailable({ error }: { error: HttpError | null }) {
  const t = useTranslate();
  const go = useGo();
  const status = error?.statusCode ?? 500;
  const kind = status === 403 ? "403" : status === 404 || status === 406 ? "404" : "error";
  return (
    <Result
      status={kind}
      title={kind === "403" ? t("pages.forbidden.title") : kind === "404" ? t("pages.error.resource404") : t("errors.unknown")}
      subTitle={kind === "403" ? t("pages.forbidden.subtitle") : kind === "404" ? t("errors.notFound") : error?.message}
      extra={
        <Button type="primary" onClick={() => go({ to: "/" })}>
          {t("pages.forbidden.backHome")}
        </Button>
      }
    />
  );
}
