// One hook for every chart: init on a div, theme from antd tokens, resize with the container,
// a click callback for drill-downs, dispose on unmount.
import { theme } from "antd";
import type { ECElementEvent, EChartsCoreOption, EChartsType } from "echarts/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { echarts } from "./echarts";
import { echartsTheme } from "./theme";

/**
 * `ref` is a callback ref: the chart starts when its div mounts (panels render it only once rows
 * have arrived) and is disposed when the div goes (switch to the table view, unmount).
 */
export function useEChart(option: EChartsCoreOption | undefined, onClick?: (event: ECElementEvent) => void) {
  const [element, ref] = useState<HTMLDivElement | null>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;
  const { token } = theme.useToken();
  const themeObject = useMemo(() => echartsTheme(token), [token]);

  useEffect(() => {
    if (!element) return;
    const instance = echarts.init(element, themeObject, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (event) => clickHandler.current?.(event as ECElementEvent));
    // "drawn" once the canvas shows the chart (the first frame after setOption), for whoever waits on the picture;
    // once, not on every animation frame
    const drawn = () => {
      element.setAttribute("data-chart", "drawn");
      instance.off("rendered", drawn);
    };
    instance.on("rendered", drawn);
    // A ResizeObserver reports once on observe: redrawing then would draw every chart twice on arrival.
    const observer = new ResizeObserver(() => {
      if (element.clientWidth !== instance.getWidth() || element.clientHeight !== instance.getHeight()) instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [element, themeObject]);

  const clickable = Boolean(onClick);
  useEffect(() => {
    // notMerge: a new filter can change the series count; stale series must go
    if (option) chart.current?.setOption(option, { notMerge: true });
    if (element) element.style.cursor = clickable ? "pointer" : "";
  }, [option, element, themeObject, clickable]);

  return { ref, chart };
}
