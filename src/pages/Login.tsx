// Sign-in page: email + password. The first thing every user loads, so it stands alone: no Refine, no router,
// no menu code. After signing in, the app takes over at the page the user asked for.
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { authProvider } from "../providers/authProvider";
import { destinationAfterLogin } from "./loginDestination";

type LoginValues = { email: string; password: string };

/** Inside the running app (after signing out) a reload starts it afresh with the new session. */
const reloadAt = (destination: string) => window.location.replace(destination);

export function Login({ onSignedIn = reloadAt }: { onSignedIn?: (destination: string) => void }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const signIn = async (values: LoginValues) => {
    setPending(true);
    setError(undefined);
    const result = await authProvider.login(values);
    if (result.success) {
      onSignedIn(destinationAfterLogin(window.location.search));
      return;
    }
    setError(result.error?.message ?? t("pages.login.errors.unknown"));
    setPending(false);
  };

  return (
    <div style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "#f5f5f5", padding: 16 }}>
      <Card style={{ width: 400, maxWidth: "100%" }}>
        <Typography.Title level={3} style={{ textAlign: "center", color: "#b71c1c" }}>
          {t("app.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {t("pages.login.subtitle")}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={signIn}>
          <Form.Item
            name="email"
            label={t("pages.login.fields.email")}
            rules={[
              { required: true, message: t("pages.login.errors.requiredEmail") },
              { type: "email", message: t("pages.login.errors.validEmail") },
            ]}
          >
            <Input size="large" autoComplete="username" inputMode="email" />
          </Form.Item>
          <Form.Item name="password" label={t("pages.login.fields.password")} rules={[{ required: true, message: t("pages.login.errors.requiredPassword") }]}>
            <Input.Password size="large" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={pending}>
            {t("pages.login.signin")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
