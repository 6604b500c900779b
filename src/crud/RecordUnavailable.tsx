import { useGo, useTranslate, type HttpError } from "@refinedev/core";
import { Button, Result } from "antd";

/** A record that does not exist or that RLS hides from this role (typed URL, old link): say so, no broken form. */
export function RecordUnavailable({ error }: { error: HttpError | null }) {
  const t = useTranslate();
  const go = useGo();
  const forbidden = error?.statusCode === 403;
  return (
    <Result
      status={forbidden ? "403" : "404"}
      title={forbidden ? t("pages.forbidden.title") : "404"}
      subTitle={forbidden ? t("pages.forbidden.subtitle") : t("errors.notFound")}
      extra={
        <Button type="primary" onClick={() => go({ to: "/" })}>
          {t("pages.forbidden.backHome")}
        </Button>
      }
    />
  );
}
