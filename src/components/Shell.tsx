// The signed-in frame: side menu (grouped), header, content. Loaded after sign-in, not by the login page.
import { ThemedLayout, ThemedSider } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Typography } from "antd";
import { startTransition, Suspense, useEffect, useState } from "react";
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

type SiderProps = Parameters<typeof ThemedSider>[0];

/** The grouped menu, then the user's saved views (我的视图). */
function SiderWithMenu(props: SiderProps) {
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

const noMenuItems = () => null;

/**
 * The side menu's entries come just after the page they frame: drawing ~50 access-checked entries and asking for
 * the saved views cost a first page ~100 ms, so the frame is drawn at its full width (nothing moves) with an empty
 * menu, and the entries fill it once the browser is idle, as a low-priority update that yields to the page's data.
 */
function Sider(props: SiderProps) {
  const [menuShown, setMenuShown] = useState(false);
  useEffect(() => {
    const show = () => startTransition(() => setMenuShown(true));
    if (!("requestIdleCallback" in window)) {
      const timer = setTimeout(show, 200);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(show, { timeout: 500 });
    return () => window.cancelIdleCallback(idle);
  }, []);
  return menuShown ? <SiderWithMenu {...props} /> : <ThemedSider {...props} fixed render={noMenuItems} />;
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
