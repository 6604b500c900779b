// Generic show page: the record's fields, then any tabs the screen adds (related rows, change history).
import { DeleteButton, EditButton, ListButton, Show } from "@refinedev/antd";
import { useShow, useTranslate } from "@refinedev/core";
import { Descriptions, Tabs } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { displayValue, fieldLabelKey, selectFor } from "./fields";
import { deleteConfirmTitle } from "./ListPage";
import type { ResourceDef } from "./types";

export type ShowTab = { key: string; label: ReactNode; children: (record: Record<string, unknown>) => ReactNode };

export function ShowPage({ resource, tabs = [] }: { resource: ResourceDef; tabs?: ShowTab[] }) {
  const t = useTranslate();
  const { i18n } = useTranslation();
  const { query, result: record } = useShow<Record<string, unknown>>({ resource: resource.name, meta: { select: selectFor(resource) } });

  const details = record ? (
    <Descriptions bordered column={{ xs: 1, md: 2 }} size="middle">
      {resource.fields
        .filter((field) => field.show !== false)
        .map((field) => (
          <Descriptions.Item key={field.name} label={t(fieldLabelKey(resource, field))}>
            {displayValue(field, record, t, i18n.language)}
          </Descriptions.Item>
        ))}
    </Descriptions>
  ) : null;

  return (
    <Show
      resource={resource.name}
      isLoading={query.isLoading}
      title={record ? String(record[resource.titleField] ?? "") : undefined}
      headerButtons={() => (
        <>
          <ListButton resource={resource.name} />
          {record && <EditButton resource={resource.name} recordItemId={record.id as number} />}
          {record && (
            <DeleteButton
              resource={resource.name}
              recordItemId={record.id as number}
              confirmTitle={deleteConfirmTitle(t, resource, record)}
              confirmOkText={t("buttons.delete")}
              confirmCancelText={t("buttons.cancel")}
            />
          )}
        </>
      )}
    >
      {tabs.length === 0 || !record ? (
        details
      ) : (
        <Tabs
          items={[
            { key: "details", label: t("show.details"), children: details },
            ...tabs.map((tab) => ({ key: tab.key, label: tab.label, children: tab.children(record) })),
          ]}
        />
      )}
    </Show>
  );
}
