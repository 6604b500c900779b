// Refine menu resources from dashboard specs: a 数据分析 group and one entry per dashboard.
import { DashboardOutlined, FundOutlined } from "@ant-design/icons";
import type { ResourceProps } from "@refinedev/core";
import { text, type DashboardSpec, type Locale } from "./spec";

export const DASHBOARD_GROUP = "group-analytics";
const GROUP_LABEL = { zh: "数据分析", en: "Analytics" };

export const dashboardRoute = (id: string) => `/dashboards/${id}`;

export function dashboardResourcesFor(specs: DashboardSpec[], locale: Locale = "zh"): ResourceProps[] {
  const entries = specs.filter((spec) => !spec.hideInMenu);
  if (entries.length === 0) return [];
  return [
    { name: DASHBOARD_GROUP, meta: { label: text(GROUP_LABEL, locale), icon: <FundOutlined /> } },
    ...entries.map(
      (spec): ResourceProps => ({
        name: `dashboard-${spec.id}`,
        list: dashboardRoute(spec.id),
        meta: { label: text(spec.title, locale), parent: DASHBOARD_GROUP, icon: <DashboardOutlined /> },
      }),
    ),
  ];
}
