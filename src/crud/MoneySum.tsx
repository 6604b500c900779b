// Under a money list: the sum of every row its filters select (sums.ts), refreshed with the list.
import { useList, useTranslate, type CrudFilter } from "@refinedev/core";
import { Typography } from "antd";
import { fieldLabelKey } from "./fields";
import { formatMoney } from "./money";
import { addGroups, moneyFields, sumSelect } from "./sums";
import type { ResourceDef } from "./types";

export function MoneySum({ resource, filters }: { resource: ResourceDef; filters: CrudFilter[] }) {
  const t = useTranslate();
  const fields = moneyFields(resource);
  const { result, query } = useList({
    resource: resource.name,
    filters,
    pagination: { mode: "off" },
    meta: { select: sumSelect(resource, filters), count: "none", aggregate: true },
    queryOptions: { enabled: fields.length > 0 },
    // the sum is not a page of rows: no notification of its own on failure, the line says so
    errorNotification: false,
  });
  if (fields.length === 0) return null;
  const sums = result?.data ? addGroups(resource, result.data as Record<string, unknown>[]) : undefined;
  return (
    <Typography.Paragraph strong data-testid="list-sum" aria-live="polite" style={{ marginBottom: 12 }}>
      {t("listTools.sum.label")}：
      {query.isError
        ? t("listTools.sum.failed")
        : fields
            .map((field) => t("listTools.sum.value", { label: t(fieldLabelKey(resource, field)), value: sums ? formatMoney(sums[field.name]) : "…" }))
            .join("；")}
    </Typography.Paragraph>
  );
}
