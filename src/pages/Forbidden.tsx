import { useGo, useTranslate } from "@refinedev/core";
import { Button, Result } from "antd";

/** Shown for a route the signed-in role may not open (typed by hand or followed from an old link). */
export function Forbidden() {
  const t = useTranslate();
  const go = useGo();
  return (
    <Result
      status="403"
      title={t("pages.forbidden.title")}
      subTitle={t("pages.forbidden.subtitle")}
      extra={
        <Button type="primary" onClick={() => go({ to: "/" })}>
          {t("pages.forbidden.backHome")}
        </Button>
      }
    />
  );
}
