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
    return decide(profile, action, declaration.access, params?.record ?? params?.data);
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
