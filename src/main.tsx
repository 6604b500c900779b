import "@ant-design/v5-patch-for-react-19";
import { ConfigProvider } from "antd";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { i18n } from "./i18n";
import { supabaseClient } from "./providers/supabaseClient";
import { theme } from "./theme";

const root = createRoot(document.getElementById("root")!);
const render = (node: ReactNode) =>
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>{node}</I18nextProvider>
    </StrictMode>,
  );

// Signed out: only the sign-in page, without the app around it (a fraction of the JavaScript).
// Signed in: the app. Signing in reloads the page, so the app always starts with a session.
void supabaseClient.auth.getSession().then(async ({ data }) => {
  if (data.session) {
    const { default: App } = await import("./App");
    render(<App />);
    return;
  }
  const { Login } = await import("./pages/Login");
  if (window.location.pathname !== "/login") {
    const to = `${window.location.pathname}${window.location.search}`;
    window.history.replaceState(null, "", to === "/" ? "/login" : `/login?to=${encodeURIComponent(to)}`);
  }
  render(
    <ConfigProvider theme={theme}>
      <Login />
    </ConfigProvider>,
  );
});
