// An ECharts theme drawn from the antd design tokens, so charts follow the app's colours and font.
import type { GlobalToken } from "antd";

export function echartsTheme(token: GlobalToken): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: token.colorBorder } },
    axisTick: { lineStyle: { color: token.colorBorder } },
    axisLabel: { color: token.colorTextSecondary },
    splitLine: { lineStyle: { color: token.colorBorderSecondary } },
  };
  return {
    color: [token.colorPrimary, token.blue, token.gold, token.green, token.purple, token.cyan, token.orange, token.magenta, token.geekblue, token.lime],
    backgroundColor: "transparent",
    // no entry animation: a dashboard shows its figures at once (and eight charts animating would hold the page up);
    // changes after a filter still animate
    animationDuration: 0,
    textStyle: { fontFamily: token.fontFamily, fontSize: token.fontSizeSM, color: token.colorText },
    legend: { textStyle: { color: token.colorTextSecondary } },
    tooltip: {
      backgroundColor: token.colorBgElevated,
      borderColor: token.colorBorderSecondary,
      textStyle: { color: token.colorText, fontFamily: token.fontFamily },
    },
    categoryAxis: axis,
    valueAxis: axis,
    gauge: { axisLine: { lineStyle: { color: [[1, token.colorFillSecondary]] } }, detail: { color: token.colorText }, title: { color: token.colorTextSecondary } },
    visualMap: { inRange: { color: [token.colorPrimaryBg, token.colorPrimary] }, textStyle: { color: token.colorTextSecondary } },
    radar: { axisName: { color: token.colorTextSecondary }, splitLine: { lineStyle: { color: token.colorBorderSecondary } } },
  };
}
