// The only module that imports ECharts: just the charts and components the option builders use.
// It is reached through the lazily loaded dashboard page, so the login page is drawn before it downloads it.
import { BarChart, GaugeChart, HeatmapChart, LineChart, PieChart, RadarChart } from "echarts/charts";
import { DatasetComponent, GridComponent, LegendComponent, RadarComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  RadarChart,
  GaugeChart,
  HeatmapChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  RadarComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
