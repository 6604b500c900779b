import { describe, expect, it } from "vitest";
import { dashboards } from "./registry";
import { dashboardResourcesFor } from "./resources";

describe("the dashboards in /dashboards", () => {
  it("are all found and valid, home kept out of the menu", () => {
    expect(dashboards.map((d) => d.id)).toEqual(["coverage", "evaluation", "funds", "life", "contacts", "excellence", "team", "home"]);
    const menu = dashboardResourcesFor(dashboards).map((r) => [r.list, r.meta?.label]);
    expect(menu).toEqual([
      [undefined, "数据分析"],
      ["/dashboards/coverage", "覆盖情况"],
      ["/dashboards/evaluation", "考核评议"],
      ["/dashboards/funds", "经费保障"],
      ["/dashboards/life", "组织生活"],
      ["/dashboards/contacts", "联系点"],
      ["/dashboards/excellence", "案例与卓越"],
      ["/dashboards/team", "队伍建设"],
    ]);
  });

  it("link the home panels to existing dashboards (and the 待办 panel to the 待办 page)", () => {
    const home = dashboards.find((d) => d.id === "home")!;
    const ids = new Set([...dashboards.map((d) => `/dashboards/${d.id}`), "/todos"]);
    const links = home.panels.flatMap((p) => (p.link ? [p.link.route] : []));
    expect(links.length).toBe(7);
    for (const link of links) expect(ids.has(link)).toBe(true);
  });
});
