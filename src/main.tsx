import "@ant-design/v5-patch-for-react-19";
import { ConfigProvider } from "antd";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { i18n } from "./i18n";
import { preloadDashboardRenderer } from "./dashboards/route";
import { destinationAfterLogin } from "./pages/loginDestination";
import { loadProfile } from "./providers/profile";
import { supabaseClient } from "./providers/supabaseClient";
import { theme } from "./theme";

const root = createRoot(document.getElementById("root")!);
const render = (node: ReactNode) =>
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>{node}</I18nextProvider>
    </StrictMode>,
  );

// Signed in, what the first page needs is asked for at once instead of one step after another (app chunk → session
// check → frame chunk → page chunk → profile → data): the profile, the signed-in frame and, on a dashboard route,
// the dashboard renderer and the dashboard's data load while the app chunk is still arriving. The first render waits
// until the data has been asked for: it holds the main thread for a while, and a request sent only after it would
// make the page wait for the render and the data one after the other.
const preloadSignedIn = () => {
  void loadProfile(supabaseClient).catch(() => undefined);
  void import("./components/Shell");
  void preloadDashboardRenderer(window.location.pathname);
  return import("./dashboards/prefetch").then(({ prefetchDashboard }) => prefetchDashboard(window.location)).catch(() => undefined);
};

const startApp = async () => {
  const dataAskedFor = preloadSignedIn();
  const { default: App, preloadFirstPage } = await import("./App");
  await Promise.all([preloadFirstPage(window.location.pathname), dataAskedFor]);
  render(<App />);
};

// On the sign-in page, once it is drawn, the app and the page the person will land on load while they type, so
// signing in waits only for the session and the data.
const preloadWhileSigningIn = () => {
  const destination = new URL(destinationAfterLogin(window.location.search), window.location.origin).pathname;
  const load = () => void import("./App").then(({ preloadFirstPage }) => preloadFirstPage(destination)).catch(() => undefined);
  if ("requestIdleCallback" in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
};

// Signed out: only the sign-in page, without the app around it (a fraction of the JavaScript).
// Signed in: the app, which always starts with a session.
void supabaseClient.auth.getSession().then(async ({ data }) => {
  if (data.session) return startApp();
  const { Login } = await import("./pages/Login");
  if (window.location.pathname !== "/login") {
    const to = `${window.location.pathname}${window.location.search}`;
    window.history.replaceState(null, "", to === "/" ? "/login" : `/login?to=${encodeURIComponent(to)}`);
  }
  render(
    <ConfigProvider theme={theme}>
      <Login
        onSignedIn={(destination) => {
          window.history.replaceState(null, "", destination);
          void startApp();
        }}
      />
    </ConfigProvider>,
  );
  preloadWhileSigningIn();
});
