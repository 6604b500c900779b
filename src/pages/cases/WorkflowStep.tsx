// One step of a register's workflow (提交 / 推荐 / 评定 of a case, 提交 / 审核 / 评定 of a plan) as a show-page
// action: a button, a confirmation (with a choice where the step needs one: the rating, the result), then the
// step's RPC through the data provider. The database decides (order, dates, who may); the button only appears
// for the roles and states where the step applies, and a refusal shows the database's zh-CN message.
import { useCustomMutation, useGetIdentity, useInvalidate, useNotification, useTranslate, type HttpError } from "@refinedev/core";
import { App, Button, Radio, Space, Typography } from "antd";
import { useRef, type ReactNode } from "react";
import type { Identity } from "../../crud/identity";
import type { Role } from "../../providers/profile";

export type WorkflowStepProps = {
  record: Record<string, unknown>;
  /** The RPC and its record parameter (p_case_id / p_plan_id). */
  rpc: string;
  idParam: string;
  /** Who sees the button, and in which status of the record. */
  roles: readonly Role[];
  from: string;
  /** i18n prefix with action, confirmTitle, confirmContent, done, failed (and choice when choices are given). */
  texts: string;
  /** A required choice sent as `choiceParam` (rating / result): its enum name and values. */
  choice?: { param: string; enumName: string; values: readonly string[] };
  /** Tables whose cached reads change with the step. */
  invalidates: string[];
  icon?: ReactNode;
  primary?: boolean;
  testId: string;
};

export function WorkflowStep({ record, rpc, idParam, roles, from, texts, choice, invalidates, icon, primary, testId }: WorkflowStepProps) {
  const t = useTranslate();
  const { modal } = App.useApp();
  const { open: notify } = useNotification();
  const invalidate = useInvalidate();
  const { data: identity } = useGetIdentity<Identity>();
  const { mutateAsync } = useCustomMutation();
  const chosen = useRef<string | undefined>(undefined);
  if (!identity || !roles.includes(identity.role) || record.status !== from) return null;

  const run = async () => {
    const values: Record<string, unknown> = { [idParam]: record.id };
    if (choice) values[choice.param] = chosen.current ?? null;
    try {
      await mutateAsync({ url: rpc, method: "post", values, successNotification: false, errorNotification: false });
      await Promise.all(invalidates.map((resource) => invalidate({ resource, invalidates: ["all"] })));
      notify?.({ type: "success", message: t(`${texts}.done`) });
    } catch (cause) {
      notify?.({ type: "error", message: t(`${texts}.failed`), description: (cause as HttpError).message });
    }
  };

  const open = () => {
    chosen.current = undefined;
    modal.confirm({
      title: t(`${texts}.confirmTitle`, { title: String(record.title ?? record.year ?? "") }),
      content: (
        <Space direction="vertical">
          <Typography.Text>{t(`${texts}.confirmContent`)}</Typography.Text>
          {choice && (
            <Radio.Group data-testid={`${testId}-choice`} onChange={(event) => (chosen.current = event.target.value as string)}>
              {choice.values.map((value) => (
                <Radio key={value} value={value}>
                  {t(`enums.${choice.enumName}.${value}`)}
                </Radio>
              ))}
            </Radio.Group>
          )}
        </Space>
      ),
      okText: t(`${texts}.action`),
      cancelText: t("buttons.cancel"),
      onOk: run,
    });
  };

  return (
    <Button type={primary ? "primary" : "default"} icon={icon} onClick={open} data-testid={testId}>
      {t(`${texts}.action`)}
    </Button>
  );
}
