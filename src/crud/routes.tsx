// Routes for every declared resource; the generic pages load on demand so the sign-in page stays light.
import { CanAccess } from "@refinedev/core";
import { lazy, Suspense, type ReactNode } from "react";
import { Route } from "react-router";
import { Forbidden } from "../pages/Forbidden";
import { PageLoading } from "../components/PageLoading";
import type { ResourceDef } from "./types";

const ListPage = lazy(() => import("./ListPage").then((module) => ({ default: module.ListPage })));
const FormPage = lazy(() => import("./FormPage").then((module) => ({ default: module.FormPage })));
const ShowPage = lazy(() => import("./ShowPage").then((module) => ({ default: module.ShowPage })));

/** Screens a resource replaces with its own page (under src/pages/<resource>/), reusing the generic parts. */
export type PageOverrides = Partial<Record<"list" | "create" | "edit" | "show", ReactNode>>;

function Guarded({ resource, action, children }: { resource: string; action: string; children: ReactNode }) {
  return (
    <CanAccess resource={resource} action={action} fallback={<Forbidden />}>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </CanAccess>
  );
}

export function crudRoutes(resources: ResourceDef[], overrides: Record<string, PageOverrides> = {}) {
  return resources.map((resource) => {
    const pages = resource.pages ?? ["list", "create", "edit", "show"];
    const own = overrides[resource.name] ?? {};
    const guarded = (action: "list" | "create" | "edit" | "show", generic: ReactNode) => (
      <Guarded resource={resource.name} action={action}>
        {own[action] ?? generic}
      </Guarded>
    );
    return (
      <Route key={resource.name} path={resource.route}>
        {pages.includes("list") && <Route index element={guarded("list", <ListPage resource={resource} />)} />}
        {pages.includes("create") && <Route path="create" element={guarded("create", <FormPage key="create" resource={resource} action="create" />)} />}
        {pages.includes("edit") && <Route path="edit/:id" element={guarded("edit", <FormPage key="edit" resource={resource} action="edit" />)} />}
        {pages.includes("show") && <Route path="show/:id" element={guarded("show", <ShowPage resource={resource} />)} />}
      </Route>
    );
  });
}
