// Table columns and row actions from a declaration, shared by list pages and show-page tabs.
import { DeleteButton, EditButton, getDefaultSortOrder, ShowButton } from "@refinedev/antd";
import { useNavigation, useTranslate, type CrudSort } from "@refinedev/core";
import { Space } from "antd";
import type { ColumnType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { routeOf } from "../resources";
import { displayValue, fieldLabelKey, recordTitle, resourceLabelKey } from "./fields";
import type { FieldDef, ResourceDef } from "./types";

type Row = Record<string, unknown>;
type Translate = ReturnType<typeof useTranslate>;

export function useColumns(resource: ResourceDef, fields: FieldDef[], sorters?: CrudSort[]): ColumnType<Row>[] {
  const t = useTranslate();
  const { i18n } = useTranslation();
  return fields.map((field) => ({
    key: field.name,
    dataIndex: field.name,
    title: t(fieldLabelKey(resource, field)),
    sorter: sorters ? field.sortable !== false && field.type !== "json" : false,
    sortOrder: sorters ? (getDefaultSortOrder(field.name, sorters) ?? null) : undefined,
    render: (_: unknown, record: Row) => displayValue(field, record, t, i18n.language, routeOf),
  }));
}

export const listFields = (resource: ResourceDef) => resource.fields.filter((field) => field.list && !field.name.includes("."));

export function deleteConfirmTitle(t: Translate, resource: ResourceDef, record: Row) {
  const title = t("confirmDelete.title", { resource: t(resourceLabelKey(resource)), name: recordTitle(resource, record, t) });
  const cascade = resource.deleteCascade ? t("confirmDelete.cascade", { what: t(resource.deleteCascade) }) : "";
  return `${title}${cascade}${t("confirmDelete.irreversible")}`;
}

/** Show / edit / delete for one row; access control hides what the role may not do on this row (`meta.record`). */
export function RowActions({ resource, record, onDeleted }: { resource: ResourceDef; record: Row; onDeleted?: () => void }) {
  const t = useTranslate();
  const pages = resource.pages ?? ["list", "create", "edit", "show"];
  const id = record.id as number;
  return (
    <Space size="small">
      {pages.includes("show") && <ShowButton hideText size="small" resource={resource.name} recordItemId={id} />}
      {pages.includes("edit") && (
        <EditButton
          hideText
          size="small"
          resource={resource.name}
          recordItemId={id}
          meta={{ record }}
          accessControl={{ enabled: true, hideIfUnauthorized: true }}
        />
      )}
      {pages.includes("edit") && (
        <DeleteButton
          hideText
          size="small"
          resource={resource.name}
          recordItemId={id}
          meta={{ record }}
          confirmTitle={deleteConfirmTitle(t, resource, record)}
          confirmOkText={t("buttons.delete")}
          confirmCancelText={t("buttons.cancel")}
          onSuccess={onDeleted}
        />
      )}
    </Space>
  );
}

/** After deleting on a show page, go back to the list. */
export function useBackToList(resource: ResourceDef) {
  const { list } = useNavigation();
  return () => list(resource.name);
}
