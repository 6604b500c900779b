import type { AccessControlProvider } from "@refinedev/core";
import { resourceByName } from "../resources";
import { decide } from "./access";
import { loadProfile } from "./profile";
import { supabaseClient } from "./supabaseClient";

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action, params }) => {
    const profile = await loadProfile(supabaseClient).catch(() => null);
    // Menu group entries (no table behind them) are shown when any child is.
    const declaration = resource ? resourceByName(resource) : undefined;
    if (!declaration) return { can: Boolean(profile) };
    // A row's buttons pass the row as `meta.record` (Refine's buttons forward only `meta`), so that an action
    // RLS would refuse on that row is never offered.
    const record = (params?.meta as { record?: Record<string, unknown> } | undefined)?.record ?? params?.record ?? params?.data;
    return decide(profile, action, declaration.access, record);
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
