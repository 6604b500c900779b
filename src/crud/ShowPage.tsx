// Generic show page: the record's fields, then tabs with related rows and the change history.
import { DeleteButton, EditButton, ListButton, Show } from "@refinedev/antd";
import { useShow, useTranslate } from "@refinedev/core";
import { Descriptions, Tabs } from "antd";
import { Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { resourceByName, routeOf } from "../resources";
import { deleteConfirmTitle, useBackToList } from "./columns";
import { displayValue, fieldLabelKey, isColumn, recordTitle, resourceLabelKey, selectFor } from "./fields";
import { RecordUnavailable } from "./RecordUnavailable";
import { HistoryTable, RelatedTable } from "./related";
import type { ResourceDef } from "./types";

export type ShowTab = { key: string; label: ReactNode; children: (record: Record<string, unknown>) => ReactNode };

export function ShowPage({ resource, tabs = [], extra }: { resource: ResourceDef; tabs?: ShowTab[]; extra?: (record: Record<string, unknown>) => ReactNode }) {
  const t = useTranslate();
  const { i18n } = useTranslation();
  const backToList = useBackToList(resource);
  const { query, result: record } = useShow<Record<string, unknown>>({
    resource: resource.name,
    meta: { select: selectFor(resource) },
    // The page says it; no toast on top.
    errorNotification: false,
  });
  const pages = resource.pages ?? ["list", "create", "edit", "show"];

  if (query.isError) return <RecordUnavailable error={query.error} />;
  if (!record) return <Show resource={resource.name} isLoading={query.isLoading} title={t(resourceLabelKey(resource))} />;

  const details = (
    <>
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
        {resource.fields
          .filter((field) => field.show !== false && isColumn(field))
          .map((field) => (
            <Descriptions.Item key={field.name} label={t(fieldLabelKey(resource, field))} span={field.type === "textarea" || field.type === "json" ? 2 : 1}>
              {displayValue(field, record, t, i18n.language, routeOf)}
            </Descriptions.Item>
          ))}
      </Descriptions>
      {extra?.(record)}
    </>
  );

  const relatedTabs = (resource.related ?? [])
    .filter((related) => resourceByName(related.resource))
    .map((related) => ({
      key: `related-${related.resource}-${related.foreignKey}`,
      label: t(related.label ?? resourceByName(related.resource)!.label ?? `${related.resource}.label`),
      children: <RelatedTable related={related} parentId={record.id} />,
    }));
  const historyTab =
    resource.history === false ? [] : [{ key: "history", label: t("show.history"), children: <HistoryTable resource={resource} rowId={record.id} /> }];

  return (
    <Show
      resource={resource.name}
      isLoading={query.isLoading}
      title={`${t(resourceLabelKey(resource))}：${recordTitle(resource, record, t)}`}
      headerButtons={() => (
        <>
          {(resource.recordActions ?? []).map((Action, index) => (
            <Suspense key={index} fallback={null}>
              <Action record={record} />
            </Suspense>
          ))}
          {pages.includes("list") && <ListButton resource={resource.name} />}
          {pages.includes("edit") && <EditButton resource={resource.name} recordItemId={record.id as number} meta={{ record }} />}
          {pages.includes("edit") && (
            <DeleteButton
              resource={resource.name}
              recordItemId={record.id as number}
              meta={{ record }}
              confirmTitle={deleteConfirmTitle(t, resource, record)}
              confirmOkText={t("buttons.delete")}
              confirmCancelText={t("buttons.cancel")}
              onSuccess={backToList}
            />
          )}
        </>
      )}
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: "details", label: t("show.details"), children: details },
          ...tabs.map((tab) => ({ key: tab.key, label: tab.label, children: tab.children(record) })),
          ...relatedTabs,
          ...historyTab,
        ]}
      />
    </Show>
  );
}
