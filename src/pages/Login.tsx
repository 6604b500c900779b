// Sign-in page: email + password. Kept small: it is the first thing every user loads.
import { useLogin, useTranslate } from "@refinedev/core";
import { Button, Card, Form, Input, Typography } from "antd";

type LoginValues = { email: string; password: string };

export function Login() {
  const t = useTranslate();
  const { mutate: login, isPending } = useLogin<LoginValues>();
  return (
    <div style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "#f5f5f5", padding: 16 }}>
      <Card style={{ width: 400, maxWidth: "100%" }}>
        <Typography.Title level={3} style={{ textAlign: "center", color: "#b71c1c" }}>
          {t("app.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {t("pages.login.subtitle")}
        </Typography.Paragraph>
        <Form<LoginValues> layout="vertical" requiredMark={false} onFinish={(values) => login(values)}>
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
          <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
            {t("pages.login.signin")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
