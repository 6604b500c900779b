// Every file in /dashboards (except tests) is a dashboard: found at build time, validated once.
import { dashboardIdAt } from "./route";
import { discoverDashboards } from "./validate";

export const dashboards = discoverDashboards(
  import.meta.glob(["/dashboards/*.ts", "!/dashboards/*.test.ts"], { eager: true }),
);

export const findDashboard = (id: string | undefined) => dashboards.find((d) => d.id === id);

/** The dashboard a path shows: "/" the home page, "/dashboards/<id>" that dashboard; otherwise none. */
export const dashboardAt = (pathname: string) => findDashboard(dashboardIdAt(pathname));
