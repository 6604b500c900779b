// Every provider wired in one place; routes derived from the resource registry.
import { CheckSquareOutlined } from "@ant-design/icons";
import { Authenticated, Refine } from "@refinedev/core";
import { CatchAllNavigate, DocumentTitleHandler, UnsavedChangesNotifier } from "@refinedev/react-router";
import { App as AntdApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { lazy, Suspense, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Navigate, Outlet, Route, Routes } from "react-router";
import { lazyPage } from "./components/lazyPage";
import { PageLoading } from "./components/PageLoading";
import { dashboardResources, DashboardRoute, HomeDashboard, preloadDashboardPage } from "./dashboards";
import { crudRoutes, type PageOverrides } from "./crud/routes";
import { Login } from "./pages/Login";
import { accessControlProvider, authProvider, dataProvider, i18nProvider } from "./providers";
import { useNotificationProvider } from "./providers/notificationProvider";
import { queryClient } from "./providers/queryClient";
import { routerProvider } from "./providers/routerProvider";
import { refineResources, resources } from "./resources";
import { CASE_COLLECTION_ROUTE, excellenceMenuEntries } from "./resources/excellence";
import { theme } from "./theme";
import { i18n } from "./i18n";

// The signed-in frame and the 404 page load after sign-in.
const Shell = lazyPage(() => import("./components/Shell"));
const NotFound = lazy(() => import("@refinedev/antd").then((module) => ({ default: module.ErrorComponent })));

// Screens that need more than the generic page (src/pages/<resource>/), loaded on demand.
const AccountsPage = lazy(() => import("./pages/accounts/AccountsPage"));
const FundBudgetShow = lazy(() => import("./pages/fund-budgets/FundBudgetShow"));
const CaseCollection = lazy(() => import("./pages/cases/CaseCollection"));
const TodosPage = lazy(() => import("./pages/todos/TodosPage"));
const pageOverrides: Record<string, PageOverrides> = {
  accounts: { list: <AccountsPage /> },
  fund_budgets: { show: <FundBudgetShow /> },
};

/** The first page's modules (the frame, and a dashboard's renderer on a dashboard's route), so it renders at once. */
export const preloadFirstPage = (pathname: string) =>
  Promise.all([Shell.preload(), preloadDashboardPage(pathname)]);

/** A table name → its label in the current language (a word that is not a table stays as it is). */
const resourceWord = (word: string) => (i18n.exists(`${word}.label`) ? i18n.t(`${word}.label`) : word);


export default function App() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.language.startsWith("en");
  useEffect(() => {
    dayjs.locale(isEnglish ? "en" : "zh-cn");
    document.documentElement.lang = i18n.language;
  }, [i18n.language, isEnglish]);
  // Refine shows menu labels as given: rebuild them when the language changes.
  // 待办 first in the menu: every role's daily work starts there; the 案例集 entry after its menu group, which
  // refineResources declares.
  const refineResourceList = useMemo(
    () => [
      ...refineResources((key) => t(key), [
        { name: "todos", list: "/todos", meta: { label: t("todos.label"), icon: <CheckSquareOutlined /> } },
        ...dashboardResources(i18n.language),
      ]),
      ...excellenceMenuEntries((key) => t(key)),
    ],
    [t, i18n.language],
  );

  return (
    <BrowserRouter>
      <ConfigProvider locale={isEnglish ? enUS : zhCN} theme={theme}>
        <AntdApp>
          <Refine
            dataProvider={dataProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            i18nProvider={i18nProvider}
            routerProvider={routerProvider}
            notificationProvider={useNotificationProvider}
            resources={refineResourceList}
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              disableTelemetry: true,
              title: { text: t("app.title") },
              // Refine names the resource in its notifications by `singular(<table name>)` ("删除branch失败"):
              // name it by its label instead.
              textTransformers: { singular: resourceWord, plural: resourceWord },
              reactQuery: { clientConfig: queryClient },
            }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="signed-in" fallback={<CatchAllNavigate to="/login" />} loading={<PageLoading />}>
                    <Suspense fallback={<PageLoading />}>
                      <Shell />
                    </Suspense>
                  </Authenticated>
                }
              >
                <Route index element={<HomeDashboard />} />
                {crudRoutes(resources, pageOverrides)}
                <Route path="/dashboards/:id" element={<DashboardRoute />} />
                <Route path={CASE_COLLECTION_ROUTE} element={<CaseCollection />} />
                <Route path="/todos" element={<Suspense fallback={<PageLoading />}><TodosPage /></Suspense>} />
                <Route path="*" element={<NotFound />} />
              </Route>
              <Route
                element={
                  <Authenticated key="signed-out" fallback={<Outlet />} loading={<PageLoading />}>
                    <Navigate to="/" replace />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<Login />} />
              </Route>
            </Routes>
            <UnsavedChangesNotifier />
            <DocumentTitleHandler handler={() => t("app.title")} />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
