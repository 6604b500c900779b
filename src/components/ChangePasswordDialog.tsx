// Changing one's own password from the header's user menu: the current password, the new one twice. The
// policy is checked here for a quick answer and again by the auth service, which has the last word.
import { useTranslate } from "@refinedev/core";
import { App, Form, Input, Modal } from "antd";
import { passwordRule } from "../crud/rules";
import { changeOwnPassword } from "../providers/authProvider";

type Values = { current: string; password: string; confirm: string };

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const required = (key: string) => [{ required: true, message: t("form.required", { label: t(key) }) }];

  return (
    <Modal
      open={open}
      title={t("ownPassword.change")}
      okText={t("buttons.save")}
      cancelText={t("buttons.cancel")}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async ({ current, password }) => {
          const result = await changeOwnPassword(current, password);
          if (result === "changed") {
            message.success(t("ownPassword.changed"));
            return onClose();
          }
          if (result === "currentWrong") return form.setFields([{ name: "current", errors: [t("ownPassword.currentWrong")] }]);
          if (result === "same") return form.setFields([{ name: "password", errors: [t("ownPassword.same")] }]);
          if (result === "weak") return form.setFields([{ name: "password", errors: [t("accounts.passwordRule")] }]);
          message.error(t("ownPassword.failed"));
        }}
      >
        <Form.Item name="current" label={t("ownPassword.current")} rules={required("ownPassword.current")}>
          <Input.Password autoComplete="current-password" aria-label={t("ownPassword.current")} />
        </Form.Item>
        <Form.Item name="password" label={t("ownPassword.new")} rules={[...required("ownPassword.new"), passwordRule(t)]}>
          <Input.Password autoComplete="new-password" aria-label={t("ownPassword.new")} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("ownPassword.confirm")}
          dependencies={["password"]}
          rules={[
            ...required("ownPassword.confirm"),
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error(t("ownPassword.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" aria-label={t("ownPassword.confirm")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
