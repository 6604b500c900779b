// A dashboard that exists only for the discovery test: dropping a file like this into /dashboards adds a menu entry.
import { defineDashboard } from "../../spec";
import { coverageByUnit } from "../sample";

export default defineDashboard({
  id: "extra",
  title: { zh: "新增看板", en: "Extra dashboard" },
  filters: [{ id: "year", kind: "year", from: 2020 }],
  panels: [
    {
      id: "rates",
      title: "覆盖率",
      kind: "bar",
      query: { source: coverageByUnit, params: { p_year: { filter: "year" } } },
      encode: { x: "org_unit_name", value: "rate" },
      grid: { x: 0, y: 0, w: 24, h: 4 },
    },
  ],
});
