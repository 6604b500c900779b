// Saved views (table saved_views, each account's own rows): a list's filters, search and sort under a name.
// A view is the list page's URL query as Refine keeps it (filters, sorters, page size), so opening one is
// opening that URL; the page number is left out (a view starts at page 1). Saved from the list toolbar,
// found again in the side menu (我的视图) and in the list's own 视图 menu, where it can also be deleted.
import { BookOutlined, DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { useCreate, useDelete, useList, useTranslate } from "@refinedev/core";
import { App, Button, Dropdown, Form, Input, Menu, Modal } from "antd";
import { useRef, useState, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import { resourceByName } from "../resources";
import { resourceLabelKey } from "./fields";
import type { ResourceDef } from "./types";

/** The most characters of a view's name (app.field_limits saved_views.name; src/crud/limits.test.ts holds the two equal). */
export const VIEW_NAME_MAX = 50;

export type SavedView = { id: number; resource: string; name: string; query: string };

/** The list's URL query without the page number: what a view keeps. */
export function viewQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("currentPage");
  params.delete("current");
  return params.toString();
}

/** Where a view opens: its list with its query; `state.viewOpened` makes the list page start over from the URL. */
export const viewLocation = (view: Pick<SavedView, "resource" | "query">) => {
  const route = resourceByName(view.resource)?.route;
  return route ? `${route}${view.query ? `?${view.query}` : ""}` : undefined;
};

/** The signed-in user's views (RLS: own rows only), by list and name. */
export function useSavedViews(resource?: string) {
  const { result, query } = useList<SavedView>({
    resource: "saved_views",
    pagination: { mode: "off" },
    filters: resource ? [{ field: "resource", operator: "eq", value: resource }] : [],
    sorters: [
      { field: "resource", order: "asc" },
      { field: "name", order: "asc" },
    ],
    meta: { select: "id,resource,name,query" },
    errorNotification: false,
  });
  return { views: result?.data ?? [], query };
}

/** Opens a view: navigates to its list, telling the list page to read its state from the URL again. */
export function useOpenView() {
  const navigate = useNavigate();
  return (view: SavedView) => {
    const to = viewLocation(view);
    if (to) navigate(to, { state: { viewOpened: `${view.id}-${Date.now()}` } });
  };
}

/**
 * A key for the list page that changes only when a view is opened: the list's state (filters, search, sort) is
 * read from the URL when it mounts, so opening a view on the same list remounts it; the list's own URL updates
 * (no state) keep the key.
 */
export function useViewKey(): string {
  const location = useLocation();
  const key = useRef("list");
  const opened = (location.state as { viewOpened?: string } | null)?.viewOpened;
  if (opened && opened !== key.current) key.current = opened;
  return key.current;
}

/** 保存视图 and 视图 (this list's views: open or delete) in the list toolbar. */
export function SavedViewsButtons({ resource }: { resource: ResourceDef }) {
  const t = useTranslate();
  const location = useLocation();
  const { message, modal } = App.useApp();
  const { views } = useSavedViews(resource.name);
  const openView = useOpenView();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const { mutateAsync: create, mutation } = useCreate();
  const { mutate: remove } = useDelete();

  const save = async () => {
    const { name } = await form.validateFields();
    try {
      await create({
        resource: "saved_views",
        values: { resource: resource.name, name: name.trim(), query: viewQuery(location.search) },
        successNotification: false,
        errorNotification: false,
      });
      message.success(t("listTools.views.saved", { name: name.trim() }));
      setSaving(false);
      form.resetFields();
    } catch (error) {
      const err = error as { message?: string; errors?: Record<string, string> };
      // the database's refusal (a repeated name) belongs on the name field
      if (err.errors?.name) form.setFields([{ name: "name", errors: [err.errors.name] }]);
      else message.error(t("listTools.views.failed", { message: err.message ?? "" }));
    }
  };

  return (
    <>
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)}>
        {t("listTools.views.save")}
      </Button>
      <Dropdown
        trigger={["click"]}
        menu={{
          items:
            views.length === 0
              ? [{ key: "none", label: t("listTools.views.none"), disabled: true }]
              : views.map((view) => ({
                  key: String(view.id),
                  label: (
                    <span style={{ display: "flex", justifyContent: "space-between", gap: 16 }}>
                      <span>{view.name}</span>
                      <DeleteOutlined
                        aria-label={`${t("listTools.views.delete")} ${view.name}`}
                        onClick={(event) => {
                          event.stopPropagation();
                          modal.confirm({
                            title: t("listTools.views.deleteConfirm", { name: view.name }),
                            okText: t("buttons.delete"),
                            okButtonProps: { danger: true },
                            cancelText: t("buttons.cancel"),
                            onOk: () =>
                              remove(
                                { resource: "saved_views", id: view.id, successNotification: false },
                                { onSuccess: () => message.success(t("listTools.views.deleted", { name: view.name })) },
                              ),
                          });
                        }}
                      />
                    </span>
                  ),
                  onClick: () => openView(view),
                })),
        }}
      >
        <Button icon={<BookOutlined />}>{t("listTools.views.open")}</Button>
      </Dropdown>
      <Modal
        open={saving}
        title={t("listTools.views.saveTitle")}
        okText={t("buttons.save")}
        cancelText={t("buttons.cancel")}
        confirmLoading={mutation.isPending}
        onOk={save}
        onCancel={() => setSaving(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={save}>
          <Form.Item
            name="name"
            label={t("listTools.views.name")}
            rules={[
              { required: true, whitespace: true, message: t("form.required", { label: t("listTools.views.name") }) },
              { max: VIEW_NAME_MAX, message: t("form.tooLong", { label: t("listTools.views.name"), max: VIEW_NAME_MAX }) },
            ]}
          >
            <Input autoFocus placeholder={t("listTools.views.namePlaceholder")} maxLength={VIEW_NAME_MAX} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The side menu's 我的视图: every view of the user, as "<list> · <name>"; nothing when there is none. */
export function useSavedViewsMenu(): ReactNode {
  const t = useTranslate();
  const { views } = useSavedViews();
  const openView = useOpenView();
  if (views.length === 0) return null;
  return (
    <Menu.SubMenu key="saved-views" icon={<BookOutlined />} title={t("listTools.views.menu")}>
      {views.map((view) => {
        const resource = resourceByName(view.resource);
        if (!resource) return null;
        return (
          <Menu.Item key={`saved-view-${view.id}`} onClick={() => openView(view)}>
            {`${t(resourceLabelKey(resource))} · ${view.name}`}
          </Menu.Item>
        );
      })}
    </Menu.SubMenu>
  );
}
