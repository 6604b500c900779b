// The signed-in frame: side menu (grouped), header, content. Loaded after sign-in, not by the login page.
import { ThemedLayout, ThemedSider } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Typography } from "antd";
import { Suspense } from "react";
import { Outlet } from "react-router";
import { useSavedViewsMenu } from "../crud/SavedViews";
import { Header } from "./Header";
import { PageLoading } from "./PageLoading";

function Title({ collapsed }: { collapsed: boolean }) {
  const t = useTranslate();
  return (
    <Typography.Text strong style={{ color: "#b71c1c", fontSize: collapsed ? 14 : 15, lineHeight: 1.3, whiteSpace: "normal" }}>
      {collapsed ? "党建" : t("app.title")}
    </Typography.Text>
  );
}

// Below this width (a 1024-wide tablet) the menu starts as icons, so the content keeps room for its panels; a
// 1280 or 1366 laptop keeps the full menu. Below 992 px Refine's sider becomes a drawer opened from a button.
const COLLAPSED_BELOW = 1280;

/** The grouped menu, then the user's saved views (我的视图). */
function Sider(props: Parameters<typeof ThemedSider>[0]) {
  const savedViews = useSavedViewsMenu();
  return (
    <ThemedSider
      {...props}
      fixed
      render={({ items }) => (
        <>
          {items}
          {savedViews}
        </>
      )}
    />
  );
}

export default function Shell() {
  return (
    <ThemedLayout
      initialSiderCollapsed={typeof window !== "undefined" && window.innerWidth < COLLAPSED_BELOW}
      Header={Header}
      Title={Title}
      // Sign-out lives in the header, next to the user's name.
      Sider={Sider}
    >
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ThemedLayout>
  );
}
