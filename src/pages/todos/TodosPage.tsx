// 待办: every kind for the signed-in user (RLS scopes it: 组织部 and 校领导 the whole school with a per-unit
// breakdown, a committee admin its unit), from the one database function public.todos(). Each kind links to its
// register's list filtered to exactly its records; each record (the first ones, named) links to where it is fixed.
import { useCustom, useGetLocale, useMany, useTranslate } from "@refinedev/core";
import { Alert, Card, Empty, Skeleton, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { resourceByName } from "../../resources";
import { recordTitle } from "../../crud/fields";
import { fixUrl, type TodoRow } from "./model";
import { listUrlOf, TodoSummary } from "./TodoSummary";

/** How many records of a kind are named on the page; the rest are one click away in the filtered list. */
const SHOWN = 10;

export default function TodosPage() {
  const t = useTranslate();
  const locale = useGetLocale()()?.startsWith("en") ? "en" : "zh";
  // Always today's state: refetched whenever the page is opened (after a fix elsewhere, the item is gone).
  const { result, query } = useCustom<TodoRow[]>({
    url: "todos",
    method: "post",
    queryOptions: { staleTime: 0, refetchOnMount: "always" },
  });
  // (before the first answer Refine hands an empty object, not a list)
  const rows = Array.isArray(result?.data) ? (result.data as TodoRow[]) : [];
  const open = rows.filter((row) => Number(row.count) > 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-page="todos">
      <Space wrap align="baseline" style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("todos.title")}
        </Typography.Title>
        <Link to="/settings">{t("todos.settings")}</Link>
      </Space>
      <Typography.Text type="secondary">{t("todos.intro")}</Typography.Text>
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <Alert type="error" showIcon message={query.error?.message} />
      ) : (
        <>
          <Card size="small" title={t("todos.label")}>
            <TodoSummary rows={rows} locale={locale} label={`${t("todos.label")} 数据表`} words={{ kind: t("todos.kind"), count: t("todos.count") }} />
          </Card>
          {open.length === 0 && <Empty description={t("todos.allDone")} />}
          {open.map((row) => (
            <TodoCard key={row.kind} row={row} locale={locale} />
          ))}
        </>
      )}
    </Space>
  );
}

function TodoCard({ row, locale }: { row: TodoRow; locale: "zh" | "en" }) {
  const t = useTranslate();
  const resource = resourceByName(row.register);
  const shownIds = row.ids.slice(0, SHOWN);
  const { result } = useMany({
    resource: row.register,
    ids: shownIds,
    queryOptions: { enabled: Boolean(resource) && shownIds.length > 0 },
  });
  const byId = new Map((result?.data ?? []).map((record) => [Number(record.id), record as Record<string, unknown>]));
  const listUrl = listUrlOf(row);
  const label = locale === "en" ? row.label_en : row.label;
  return (
    <Card
      size="small"
      title={
        <Space>
          {label}
          <Tag color="orange">{Number(row.count)}</Tag>
        </Space>
      }
      extra={listUrl && <Link to={listUrl}>{t("todos.viewAll", { count: Number(row.count) })}</Link>}
      role="region"
      aria-label={label}
      data-kind={row.kind}
    >
      {row.description && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {row.description}
        </Typography.Paragraph>
      )}
      {row.by_unit && row.by_unit.length > 0 && (
        <div style={{ marginBottom: 8 }} aria-label={t("todos.byUnit")}>
          {row.by_unit.map((unit) => (
            <Tag key={unit.org_unit_id}>
              {unit.org_unit_name} {unit.count}
            </Tag>
          ))}
        </div>
      )}
      <Space wrap size={[12, 4]} aria-label={t("todos.records")}>
        {shownIds.map((id) => {
          const record = byId.get(id);
          const name = record && resource ? recordTitle(resource, record, t) : `#${id}`;
          return (
            <Link key={id} to={fixUrl(row, id)} data-record={id}>
              {name}
            </Link>
          );
        })}
      </Space>
      {row.ids.length > SHOWN && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("todos.more", { count: row.ids.length - SHOWN })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
