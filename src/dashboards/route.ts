// Which dashboard a path shows, by the path alone (no specs): small enough for the entry chunk, so the first page's
// renderer is asked for as soon as the app starts (src/main.tsx).

/** "/" is the home page, "/dashboards/<id>" that dashboard; any other path none. */
export function dashboardIdAt(pathname: string): string | undefined {
  if (pathname === "/") return "home";
  const match = /^\/dashboards\/([^/]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** On a dashboard's route, the renderer's chunk (ECharts included), starting to load now. */
export const preloadDashboardRenderer = (pathname: string) =>
  dashboardIdAt(pathname) === undefined ? undefined : import("./DashboardPage");
