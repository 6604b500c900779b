// Sign in again in place when the session has ended (see providers/reauth.ts): the page and any form on it
// stay as they are, and the request that was refused is sent again once signed in. Only the same account
// may continue (its email is fixed); to use another one, sign out.
import { useGetIdentity, useLogout, useTranslate } from "@refinedev/core";
import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Identity } from "../crud/identity";
import { signInAgain } from "../providers/authProvider";
import { finishReauthentication, reauthenticating, registerReauthDialog, subscribeReauthentication } from "../providers/reauth";

const errorKeys = {
  invalid: "pages.login.errors.invalidCredentials",
  throttled: "pages.login.errors.tooManyAttempts",
  failed: "pages.login.errors.unknown",
} as const;

export function ReauthDialog() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: identity } = useGetIdentity<Identity>();
  const { mutate: logout } = useLogout();
  const open = useSyncExternalStore(subscribeReauthentication, reauthenticating);
  const [form] = Form.useForm<{ email: string; password: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => registerReauthDialog(), []);
  useEffect(() => {
    if (open) setError(undefined);
  }, [open]);

  return (
    <Modal
      open={open}
      title={t("reauth.title")}
      okText={t("reauth.submit")}
      cancelText={t("reauth.signOut")}
      confirmLoading={busy}
      closable={false}
      maskClosable={false}
      keyboard={false}
      // Not in the page while closed: its email and password fields must not be mistaken for the page's own.
      destroyOnHidden
      onOk={() => form.submit()}
      onCancel={() => {
        finishReauthentication(false);
        logout();
      }}
    >
      <Typography.Paragraph type="secondary">{t("reauth.hint")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ email: identity?.email ?? "" }}
        onFinish={async ({ email, password }) => {
          setBusy(true);
          try {
            const result = await signInAgain(email, password);
            if (result !== "ok") return setError(t(errorKeys[result]));
            message.success(t("reauth.done"));
            finishReauthentication(true);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="email" label={t("pages.login.fields.email")} rules={[{ required: true, message: t("pages.login.errors.requiredEmail") }]}>
          <Input disabled={Boolean(identity?.email)} autoComplete="username" aria-label={t("pages.login.fields.email")} />
        </Form.Item>
        <Form.Item name="password" label={t("pages.login.fields.password")} rules={[{ required: true, message: t("pages.login.errors.requiredPassword") }]}>
          <Input.Password autoComplete="current-password" aria-label={t("pages.login.fields.password")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
