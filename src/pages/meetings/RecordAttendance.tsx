// 登记出勤: a meeting's roster in one modal — the members of its branch (for a 书记座谈会: the unit's branch
// secretaries) in a checkbox table whose header box is 全选; the unticked are absent and need a reason. Saved in
// one call, public.set_meeting_attendance (through the data provider's `custom`), which replaces the roster in one
// transaction; the database derives the meeting's counts and checks every row (its message is shown here).
import { TeamOutlined } from "@ant-design/icons";
import { useCan, useCustomMutation, useInvalidate, useList, useNotification, useTranslate, type HttpError } from "@refinedev/core";
import { Alert, Button, Input, Modal, Table, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";

type Row = Record<string, unknown>;
type Member = { id: number; name: string; student_or_staff_no: string; branch_role: string; branch?: { name?: string } | null };

/** The 登记出勤 action on a meeting's show page, for whoever may edit the meeting. */
export function RecordAttendance({ record }: { record: Row }) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  const { data: may } = useCan({ resource: "meetings", action: "edit", params: { meta: { record } } });
  if (!may?.can) return null;
  return (
    <>
      <Button icon={<TeamOutlined />} onClick={() => setOpen(true)}>
        {t("attendance.action")}
      </Button>
      {open && <AttendanceModal meeting={record} onClose={() => setOpen(false)} />}
    </>
  );
}

function AttendanceModal({ meeting, onClose }: { meeting: Row; onClose: () => void }) {
  const t = useTranslate();
  const { open: notify } = useNotification();
  const invalidate = useInvalidate();
  const { mutateAsync, mutation } = useCustomMutation();
  const forum = meeting.branch_id == null;

  // Who is expected: the branch's members, or the unit's secretaries (as the database's rule says).
  const { result: members, query: membersQuery } = useList<Member>({
    resource: "members",
    filters: forum
      ? [
          { field: "branch.org_unit_id", operator: "eq", value: meeting.org_unit_id },
          { field: "branch_role", operator: "eq", value: "secretary" },
        ]
      : [{ field: "branch_id", operator: "eq", value: meeting.branch_id }],
    sorters: [{ field: "student_or_staff_no", order: "asc" }],
    pagination: { mode: "off" },
    meta: { select: "id,name,student_or_staff_no,branch_role,branch:branches!branch_id!inner(name,org_unit_id)" },
  });
  // What is recorded already (a second visit edits it).
  const { result: recorded, query: recordedQuery } = useList<{ member_id: number; present: boolean; absence_reason: string | null }>({
    resource: "meeting_attendance",
    filters: [{ field: "meeting_id", operator: "eq", value: meeting.id }],
    pagination: { mode: "off" },
    meta: { select: "id,member_id,present,absence_reason" },
  });

  const rows = useMemo(() => members?.data ?? [], [members]);
  const [present, setPresent] = useState<number[]>([]);
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [missing, setMissing] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const loaded = !membersQuery.isLoading && !recordedQuery.isLoading;

  // Start from the recorded roster, or everyone present when nothing is recorded yet: once, when both lists are in
  // (the lists are new objects on every render, so an effect keyed on them would reset the choices forever).
  const started = useRef(false);
  useEffect(() => {
    if (!loaded || started.current) return;
    started.current = true;
    const existing = recorded?.data ?? [];
    if (existing.length === 0) setPresent(rows.map((row) => row.id));
    else {
      setPresent(existing.filter((row) => row.present).map((row) => row.member_id));
      setReasons(Object.fromEntries(existing.filter((row) => !row.present).map((row) => [row.member_id, row.absence_reason ?? ""])));
    }
  }, [loaded, rows, recorded]);

  const absent = rows.filter((row) => !present.includes(row.id));

  const save = async () => {
    const blank = absent.filter((row) => !(reasons[row.id] ?? "").trim()).map((row) => row.id);
    setMissing(blank);
    if (blank.length > 0) return;
    setError(null);
    try {
      const { data } = await mutateAsync({
        url: "set_meeting_attendance",
        method: "post",
        values: {
          p_meeting_id: meeting.id,
          p_rows: rows.map((row) =>
            present.includes(row.id)
              ? { member_id: row.id, present: true }
              : { member_id: row.id, present: false, absence_reason: reasons[row.id].trim() },
          ),
        },
        successNotification: false,
        errorNotification: false,
      });
      const saved = data as unknown as Row;
      notify?.({ type: "success", message: t("attendance.done", { expected: saved.expected_count, present: saved.present_count }) });
      await Promise.all(["meetings", "meeting_attendance"].map((resource) => invalidate({ resource, invalidates: ["all"] })));
      onClose();
    } catch (cause) {
      setError((cause as HttpError).message);
    }
  };

  return (
    <Modal
      open
      width={760}
      className="attendance-modal"
      title={t("attendance.title", { title: String(meeting.title ?? "") })}
      okText={t("attendance.save")}
      cancelText={t("buttons.cancel")}
      onOk={save}
      onCancel={onClose}
      okButtonProps={{ disabled: !loaded || rows.length === 0 }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t("attendance.intro")}
        {forum ? ` ${t("attendance.forumIntro")}` : ""}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<Member>
        size="small"
        rowKey="id"
        loading={!loaded}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 420 }}
        locale={{ emptyText: t("attendance.empty") }}
        rowSelection={{
          selectedRowKeys: present,
          onChange: (keys) => setPresent(keys.map(Number)),
          columnTitle: undefined,
        }}
        columns={[
          { title: t("attendance.name"), dataIndex: "name", width: 120 },
          { title: t("attendance.number"), dataIndex: "student_or_staff_no", width: 140 },
          forum
            ? { title: t("attendance.branch"), key: "branch", render: (_: unknown, row: Member) => row.branch?.name ?? "" }
            : { title: t("attendance.role"), dataIndex: "branch_role", width: 100, render: (role: string) => t(`enums.branch_role.${role}`) },
          {
            title: t("attendance.reason"),
            key: "reason",
            render: (_: unknown, row: Member) =>
              present.includes(row.id) ? null : (
                <Input
                  size="small"
                  maxLength={200}
                  aria-label={`${t("attendance.reason")} ${row.name}`}
                  status={missing.includes(row.id) ? "error" : undefined}
                  placeholder={missing.includes(row.id) ? t("attendance.reasonRequired") : t("attendance.reason")}
                  value={reasons[row.id] ?? ""}
                  onChange={(event) => setReasons((current) => ({ ...current, [row.id]: event.target.value }))}
                />
              ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="attendance-summary">
        {t("attendance.summary", { expected: rows.length, present: rows.length - absent.length, absent: absent.length })}
      </Typography.Paragraph>
    </Modal>
  );
}
