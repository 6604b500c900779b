import { describe, expect, it } from "vitest";
import { dashboardAt } from "./registry";
import { dashboardIdAt } from "./route";

describe("dashboardAt: the dashboard a first page shows", () => {
  it("the home page at /, a dashboard at /dashboards/<id>", () => {
    expect(dashboardAt("/")?.id).toBe("home");
    expect(dashboardAt("/dashboards/funds")?.id).toBe("funds");
    expect(dashboardAt("/dashboards/funds/")?.id).toBe("funds");
  });
  it("none for other pages and unknown dashboards", () => {
    expect(dashboardAt("/branches")).toBeUndefined();
    expect(dashboardAt("/dashboards/nope")).toBeUndefined();
    expect(dashboardAt("/dashboards/funds/extra")).toBeUndefined();
  });
});

describe("dashboardIdAt: the same by the path alone, before the specs have loaded", () => {
  it("names the dashboard of /, /dashboards/<id> and nothing else", () => {
    expect(dashboardIdAt("/")).toBe("home");
    expect(dashboardIdAt("/dashboards/%E7%BB%8F%E8%B4%B9/")).toBe("经费");
    expect(dashboardIdAt("/branches")).toBeUndefined();
    expect(dashboardIdAt("/dashboards/funds/extra")).toBeUndefined();
  });
});
