// What the app wires in: menu resources for the dashboards, the /dashboards/:id route element and
// the home page. Specs are read eagerly (they are small); the page and ECharts load on first visit.
import type { ResourceProps } from "@refinedev/core";
import { Result, Skeleton } from "antd";
import { Suspense } from "react";
import { lazyPage } from "../components/lazyPage";
import { useParams } from "react-router";
import { dashboards, findDashboard } from "./registry";
import { dashboardIdAt } from "./route";
import { dashboardResourcesFor } from "./resources";
import type { DashboardSpec } from "./spec";

const DashboardPage = lazyPage(() => import("./DashboardPage"));

/** On a dashboard's route (as main.tsx tells it, by the path alone), its renderer's module; elsewhere nothing. */
export const preloadDashboardPage = (pathname: string) => (dashboardIdAt(pathname) === undefined ? undefined : DashboardPage.preload());

/** Resources for the dashboards in /dashboards; pass the UI locale ("zh-CN" / "en") to label the menu. */
export const dashboardResources = (locale = "zh-CN"): ResourceProps[] =>
  dashboardResourcesFor(dashboards, locale.startsWith("en") ? "en" : "zh");

function Page({ spec }: { spec: DashboardSpec | undefined }) {
  if (!spec) return <Result status="404" title="没有这个看板" subTitle="请从左侧菜单选择数据看板 / No such dashboard" />;
  return (
    <Suspense fallback={<Skeleton active />}>
      <DashboardPage spec={spec} />
    </Suspense>
  );
}

/** Element for `<Route path="/dashboards/:id" />`. */
export function DashboardRoute() {
  const { id } = useParams();
  return <Page spec={findDashboard(id)} />;
}

/** The landing page `/`: the dashboard with id "home". */
export function HomeDashboard() {
  return <Page spec={findDashboard("home")} />;
}

export { dashboards, dashboardResourcesFor };
export { DASHBOARD_GROUP } from "./resources";
