import { describe, expect, it } from "vitest";
import { dashboardAt } from "./registry";

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
