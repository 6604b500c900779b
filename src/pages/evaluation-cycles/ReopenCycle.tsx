// 重新开放: a closed (已结束) evaluation cycle is frozen — the database refuses every change to it and to its
// evaluations, reviews and posts. 组织部 reopens it explicitly, after a confirmation, through
// public.reopen_evaluation_cycle (org_admin only), and the audit log records the change of status.
import { UnlockOutlined } from "@ant-design/icons";
import { useCustomMutation, useGetIdentity, useInvalidate, useNotification, useTranslate, type HttpError } from "@refinedev/core";
import { App, Button } from "antd";
import type { Identity } from "../../crud/identity";

export function ReopenCycle({ record }: { record: Record<string, unknown> }) {
  const t = useTranslate();
  const { modal } = App.useApp();
  const { open: notify } = useNotification();
  const invalidate = useInvalidate();
  const { data: identity } = useGetIdentity<Identity>();
  const { mutateAsync } = useCustomMutation();
  if (identity?.role !== "org_admin" || record.status !== "closed") return null;

  const reopen = async () => {
    try {
      await mutateAsync({ url: "reopen_evaluation_cycle", method: "post", values: { p_cycle_id: record.id }, successNotification: false, errorNotification: false });
      await invalidate({ resource: "evaluation_cycles", invalidates: ["all"] });
      notify?.({ type: "success", message: t("evaluation_cycles.reopen.done") });
    } catch (cause) {
      notify?.({ type: "error", message: t("evaluation_cycles.reopen.failed"), description: (cause as HttpError).message });
    }
  };

  return (
    <Button
      icon={<UnlockOutlined />}
      onClick={() =>
        modal.confirm({
          title: t("evaluation_cycles.reopen.confirmTitle", { title: String(record.title ?? "") }),
          content: t("evaluation_cycles.reopen.confirmContent"),
          okText: t("evaluation_cycles.reopen.action"),
          cancelText: t("buttons.cancel"),
          onOk: reopen,
        })
      }
    >
      {t("evaluation_cycles.reopen.action")}
    </Button>
  );
}
