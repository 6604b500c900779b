// antd's component styles, baked at build time into one cached stylesheet. antd 5 writes its CSS at run time: every
// component type, on its first render, builds its style objects from the theme's tokens, serialises and hashes them
// and inserts a <style>. With this sheet in the page, antd finds each style already there (the sheet ends with the
// map of what it holds, `.data-ant-cssinjs-cache-path`) and skips that work, which was the largest single cost of
// drawing a page after its data (antd: "Whole export", https://ant.design/docs/react/server-side-rendering).
// A component the sheet lacks is styled at run time as before; a theme change here needs nothing but a rebuild.
import { createHash } from "node:crypto";
import type { Plugin } from "vite";
import { theme } from "../src/theme.ts";

// Not components, or only reachable through their static methods / a provider.
const NOT_RENDERED = new Set(["ConfigProvider", "Grid", "Tour", "message", "notification", "Modal", "theme", "version", "unstableSetRender"]);

/** The CSS of every antd component under the app's theme, as the browser build would generate it. */
export async function antdStylesheet(): Promise<string> {
  const [{ createElement }, { renderToString }, antd, { createCache, extractStyle, StyleProvider }] = await Promise.all([
    import("react"),
    import("react-dom/server"),
    import("antd"),
    import("@ant-design/cssinjs"),
  ]);
  const cache = createCache();
  const elements = Object.entries(antd)
    .filter(([name]) => /^[A-Z]/.test(name) && !NOT_RENDERED.has(name))
    .map(([, component]) => createElement(component as Parameters<typeof createElement>[0]));
  // parts that register styles of their own: the menu's sider, dialogs, coloured tags (roles, statuses), form fields
  elements.push(
    createElement(antd.Layout.Sider),
    createElement(antd.Modal, { open: true }),
    createElement(antd.Tag, { color: "red" }),
    createElement(antd.Form, null, createElement(antd.Form.Item)),
  );
  for (const element of elements) {
    try {
      renderToString(createElement(StyleProvider, { cache }, createElement(antd.ConfigProvider, { theme }, element)));
    } catch {
      // a component that cannot render without props keeps its run-time styles
    }
  }
  return extractStyle(cache, { plain: true, types: ["style", "token"] });
}

/** Emits the sheet as a hashed asset and links it first in <head>; build only (the dev server styles at run time). */
export function antdStaticStyles(): Plugin {
  let href = "";
  let base = "/";
  return {
    name: "antd-static-styles",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      // the class-name hash differs between development and production builds: bake the production one
      if (process.env.NODE_ENV !== "production") this.error("antd-static-styles: NODE_ENV must be production to bake the sheet");
      const css = await antdStylesheet();
      const fileName = `assets/antd-${createHash("sha256").update(css).digest("hex").slice(0, 8)}.css`;
      this.emitFile({ type: "asset", fileName, source: css });
      href = `${base}${fileName}`;
    },
    transformIndexHtml: () => [{ tag: "link", attrs: { rel: "stylesheet", href }, injectTo: "head-prepend" }],
  };
}
