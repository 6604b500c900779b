// Top bar: who is signed in (name, role in words; its menu changes the own password), the language switch, sign-out.
import { useGetIdentity, useGetLocale, useLogout, useSetLocale, useTranslate } from "@refinedev/core";
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Dropdown, Layout, Select, Space, Tag, theme, Typography } from "antd";
import { useState } from "react";
import type { Identity } from "../crud/identity";
import { ChangePasswordDialog } from "./ChangePasswordDialog";
import { HeaderSearch } from "./HeaderSearch";
import { ReauthDialog } from "./ReauthDialog";

export function Header() {
  const t = useTranslate();
  const { token } = theme.useToken();
  const { data: identity } = useGetIdentity<Identity>();
  const { mutate: logout } = useLogout();
  const locale = useGetLocale()();
  const setLocale = useSetLocale();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <Layout.Header
      style={{
        display: "flex",
        justifyContent: "flex-end",
        alignItems: "center",
        padding: "0 24px",
        height: 64,
        background: token.colorBgElevated,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        position: "sticky",
        top: 0,
        zIndex: 10,
      }}
    >
      <div style={{ marginInlineEnd: "auto" }}>
        <HeaderSearch />
      </div>
      <Space size="middle">
        {identity && (
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [{ key: "password", icon: <KeyOutlined />, label: t("ownPassword.change") }],
              onClick: ({ key }) => key === "password" && setChangingPassword(true),
            }}
          >
            <Button type="text" aria-label={t("header.userMenu")} style={{ height: "auto" }}>
              <Space size="small" data-testid="current-user">
                <UserOutlined />
                <Typography.Text strong>{identity.name}</Typography.Text>
                <Tag color="red">{t(`roles.${identity.role}`)}</Tag>
                {identity.orgUnitName && <Typography.Text type="secondary">{identity.orgUnitName}</Typography.Text>}
                <DownOutlined style={{ fontSize: 10 }} />
              </Space>
            </Button>
          </Dropdown>
        )}
        <Select
          aria-label={t("header.language")}
          size="small"
          value={locale}
          onChange={(next) => setLocale(next)}
          options={[
            { value: "zh-CN", label: "中文" },
            { value: "en", label: "English" },
          ]}
          style={{ width: 96 }}
        />
        <Button icon={<LogoutOutlined />} onClick={() => logout()}>
          {t("buttons.logout")}
        </Button>
      </Space>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
      {/* In the header because the header is on every signed-in page, and only there. */}
      <ReauthDialog />
    </Layout.Header>
  );
}
