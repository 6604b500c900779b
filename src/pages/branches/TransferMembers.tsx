// 转接党员: move members of one branch to another active branch in one transaction (public.transfer_members),
// optionally closing the emptied branch as 已合并 / 已撤销. From a branch's show page (all or chosen members) and
// from the members list (the selected rows, all of one branch). Everything goes through the data provider's
// `custom` (RPC); the database checks the role, the units and the rules, and its message is shown on the field.
import { useSelect } from "@refinedev/antd";
import { useCan, useCustomMutation, useGetIdentity, useInvalidate, useNotification, useTranslate, type HttpError } from "@refinedev/core";
import { SwapOutlined } from "@ant-design/icons";
import { App, Button, Form, Modal, Radio, Select, Typography } from "antd";
import { useState } from "react";
import type { Identity } from "../../crud/identity";

type Row = Record<string, unknown>;
type Values = { to_branch_id?: number; scope: "all" | "chosen"; member_ids?: number[]; close_as?: "merged" | "dissolved" | null };

/** The 转接党员 action on a branch's show page. */
export function TransferBranchMembers({ record }: { record: Row }) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  const { data: may } = useCan({ resource: "branches", action: "edit", params: { meta: { record } } });
  if (!may?.can || record.status !== "active") return null;
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)}>
        {t("transfer.action")}
      </Button>
      {open && <TransferModal from={record} onClose={() => setOpen(false)} />}
    </>
  );
}

/** 转接 of the rows selected in the members list. */
export function TransferSelectedMembers({ records, onDone }: { records: Row[]; onDone: () => void }) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  const { data: may } = useCan({ resource: "members", action: "edit" });
  const { message } = App.useApp();
  if (!may?.can) return null;
  const branches = new Set(records.map((row) => row.branch_id));
  const from = (records[0]?.branch as Row | undefined) ?? { id: records[0]?.branch_id };
  return (
    <>
      <Button
        icon={<SwapOutlined />}
        disabled={records.length === 0}
        onClick={() => (branches.size > 1 ? message.warning(t("transfer.oneBranch")) : setOpen(true))}
      >
        {t("transfer.bulkAction", { count: records.length })}
      </Button>
      {open && (
        <TransferModal
          from={{ ...from, id: records[0].branch_id }}
          members={records}
          onClose={(done) => {
            setOpen(false);
            if (done) onDone();
          }}
        />
      )}
    </>
  );
}

function TransferModal({ from, members, onClose }: { from: Row; members?: Row[]; onClose: (done?: boolean) => void }) {
  const t = useTranslate();
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const { open: notify } = useNotification();
  const invalidate = useInvalidate();
  const { data: identity } = useGetIdentity<Identity>();
  const { mutateAsync, mutation } = useCustomMutation();
  const scope = Form.useWatch("scope", form) ?? (members ? "chosen" : "all");
  const fromName = String(from.name ?? `#${String(from.id)}`);

  // Target: another active branch; a committee admin's own unit's (the database refuses others anyway).
  const { selectProps: targetProps } = useSelect<Row>({
    resource: "branches",
    optionLabel: (row) => `${String(row.name)}（${String(row.code)}）`,
    optionValue: "id" as never,
    filters: [
      { field: "status", operator: "eq", value: "active" },
      { field: "id", operator: "ne", value: from.id },
      ...(identity?.role === "committee_admin" && identity.orgUnitId != null
        ? [{ field: "org_unit_id", operator: "eq" as const, value: identity.orgUnitId }]
        : []),
    ],
    sorters: [{ field: "name", order: "asc" }],
    pagination: { pageSize: 20, mode: "server" },
    debounce: 300,
    meta: { select: "id,name,code" },
    onSearch: (text) =>
      text.trim()
        ? [{ operator: "or", value: ["name", "code"].map((field) => ({ field, operator: "contains" as const, value: text.trim() })) }]
        : [],
  });
  // Members to choose from: this branch's.
  const { selectProps: memberProps } = useSelect<Row>({
    resource: "members",
    optionLabel: (row) => `${String(row.name)}（${String(row.student_or_staff_no)}）`,
    optionValue: "id" as never,
    filters: [{ field: "branch_id", operator: "eq", value: from.id }],
    sorters: [{ field: "name", order: "asc" }],
    pagination: { pageSize: 50, mode: "server" },
    debounce: 300,
    meta: { select: "id,name,student_or_staff_no" },
    queryOptions: { enabled: !members },
    onSearch: (text) =>
      text.trim()
        ? [{ operator: "or", value: ["name", "student_or_staff_no"].map((field) => ({ field, operator: "contains" as const, value: text.trim() })) }]
        : [],
  });

  const submit = async (values: Values) => {
    const memberIds = members ? members.map((row) => Number(row.id)) : values.scope === "chosen" ? (values.member_ids ?? []) : null;
    const closeAs = memberIds === null ? (values.close_as ?? null) : null;
    const target = String(targetProps.options?.find((option) => option.value === values.to_branch_id)?.label ?? `#${values.to_branch_id}`);
    const who = memberIds === null ? t("transfer.everyone") : t("transfer.count", { count: memberIds.length });
    const confirmed = await modal.confirm({
      title: t("transfer.confirmTitle"),
      content: [
        t("transfer.confirm", { who, from: fromName, to: target }),
        closeAs ? t("transfer.confirmClose", { from: fromName, status: t(`enums.branch_status.${closeAs}`) }) : "",
      ].join(""),
      okText: t("transfer.ok"),
      cancelText: t("buttons.cancel"),
    });
    if (!confirmed) return;
    try {
      const { data: moved } = await mutateAsync({
        url: "transfer_members",
        method: "post",
        values: { p_from_branch_id: from.id, p_to_branch_id: values.to_branch_id, p_member_ids: memberIds, p_close_as: closeAs },
        successNotification: false,
        // The message goes on its field below, or (no field) into the one toast.
        errorNotification: false,
      });
      notify?.({ type: "success", message: t("transfer.done", { count: moved as unknown as number }) });
      // Every cached read of what moved or closed (the branch page shows its new status at once).
      await Promise.all(["members", "branches", "carrier_coverages"].map((resource) => invalidate({ resource, invalidates: ["all"] })));
      onClose(true);
    } catch (cause) {
      const error = cause as HttpError;
      // The database names the field its rule concerns (hint field:<name>): shown there when the form has it.
      const field = Object.keys(error.errors ?? {})[0];
      const shown = ["to_branch_id", ...(members ? [] : [scope === "chosen" ? "member_ids" : "close_as"])];
      if (field && shown.includes(field)) form.setFields([{ name: field as keyof Values, errors: [error.message] }]);
      else notify?.({ type: "error", message: error.message });
    }
  };

  return (
    <Modal
      open
      title={t("transfer.title", { from: fromName })}
      okText={t("transfer.next")}
      cancelText={t("buttons.cancel")}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form form={form} name="transfer" layout="vertical" initialValues={{ scope: members ? "chosen" : "all", close_as: null }} onFinish={submit}>
        <Form.Item name="to_branch_id" label={t("transfer.to")} rules={[{ required: true, message: t("transfer.toRequired") }]}>
          <Select {...targetProps} aria-label={t("transfer.to")} placeholder={t("form.select", { label: t("transfer.to") })} />
        </Form.Item>
        {members ? (
          <Typography.Paragraph>{t("transfer.selected", { count: members.length, names: members.map((row) => String(row.name)).join("、") })}</Typography.Paragraph>
        ) : (
          <>
            <Form.Item name="scope" label={t("transfer.scope")}>
              <Radio.Group
                options={[
                  { value: "all", label: t("transfer.all") },
                  { value: "chosen", label: t("transfer.chosen") },
                ]}
              />
            </Form.Item>
            {scope === "chosen" && (
              <Form.Item name="member_ids" label={t("transfer.members")} rules={[{ required: true, message: t("transfer.membersRequired") }]}>
                <Select {...memberProps} mode="multiple" aria-label={t("transfer.members")} placeholder={t("form.select", { label: t("transfer.members") })} />
              </Form.Item>
            )}
            {scope === "all" && (
              <Form.Item name="close_as" label={t("transfer.closeAs")} extra={t("transfer.closeHelp")}>
                <Radio.Group
                  options={[
                    { value: null as never, label: t("transfer.keep") },
                    { value: "merged", label: t("enums.branch_status.merged") },
                    { value: "dissolved", label: t("enums.branch_status.dissolved") },
                  ]}
                />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </Modal>
  );
}
