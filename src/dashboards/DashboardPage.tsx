// A dashboard page rendered from its spec: title, filters, and the panels on a 24-column grid.
// Loaded lazily (see index.tsx): this module pulls in ECharts.
import { Grid, Space, Typography } from "antd";
import { Panel } from "./Panel";
import { FilterBar } from "./FilterBar";
import { GRID_COLUMNS, GRID_GAP, ROW_HEIGHT, text, type DashboardSpec } from "./spec";
import { useDashboardFilters, useLocale } from "./useDashboardData";
import "./dashboard.css";

export default function DashboardPage({ spec }: { spec: DashboardSpec }) {
  const locale = useLocale();
  const filters = useDashboardFilters(spec);
  const screens = Grid.useBreakpoint();
  // ≥ 1200 px: the spec's own 24-column layout. 768–1199 (a 1024 tablet): panels flow at double width, so six KPI
  // cards become two rows of three and charts two a row. Narrower: one column.
  const layout = screens.xl !== false ? "full" : screens.md !== false ? "half" : "single";
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }} data-dashboard={spec.id}>
      <Space wrap align="center" style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {text(spec.title, locale)}
        </Typography.Title>
        {spec.filters.length > 0 && (
          <FilterBar filters={spec.filters} values={filters.values} fixed={filters.fixed} locale={locale} onChange={filters.setValue} />
        )}
      </Space>
      <div
        style={{
          display: "grid",
          gridTemplateColumns: layout === "single" ? "minmax(0, 1fr)" : `repeat(${GRID_COLUMNS}, minmax(0, 1fr))`,
          gridAutoRows: ROW_HEIGHT,
          gridAutoFlow: layout === "half" ? "row dense" : undefined,
          gap: GRID_GAP,
        }}
      >
        {spec.panels.map((panel) => (
          <Panel
            key={panel.id}
            dashboardId={spec.id}
            panel={panel}
            filters={filters.values}
            enabled={filters.ready}
            locale={locale}
            style={
              layout === "full"
                ? { gridColumn: `${panel.grid.x + 1} / span ${panel.grid.w}`, gridRow: `${panel.grid.y + 1} / span ${panel.grid.h}` }
                : layout === "half"
                  ? { gridColumn: `span ${Math.min(GRID_COLUMNS, panel.grid.w * 2)}`, gridRow: `span ${panel.grid.h}` }
                  : { gridRow: `span ${panel.grid.h}` }
            }
          />
        ))}
      </div>
    </Space>
  );
}
