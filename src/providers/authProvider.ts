import type { AuthProvider } from "@refinedev/core";
import { i18n } from "../i18n";
import { clearProfile, loadProfile } from "./profile";
import { supabaseClient } from "./supabaseClient";

const loginError = (key: string) => ({ success: false, error: { name: i18n.t("pages.login.title"), message: i18n.t(key) } });

// Email + password through supabase-js; supabase-js keeps the session in localStorage and refreshes it.
export const authProvider: AuthProvider = {
  login: async ({ email, password }) => {
    clearProfile();
    const { error } = await supabaseClient.auth.signInWithPassword({ email, password });
    if (error) {
      if (error.status === 429) return loginError("pages.login.errors.tooManyAttempts");
      if (error.status === 400) return loginError("pages.login.errors.invalidCredentials");
      return loginError("pages.login.errors.unknown");
    }
    try {
      const profile = await loadProfile(supabaseClient);
      if (!profile) {
        await supabaseClient.auth.signOut();
        return loginError("pages.login.errors.noProfile");
      }
    } catch {
      await supabaseClient.auth.signOut();
      return loginError("pages.login.errors.unknown");
    }
    return { success: true, redirectTo: "/" };
  },

  logout: async () => {
    clearProfile();
    // This device's session only: signing out here must not end the same account's sessions elsewhere.
    await supabaseClient.auth.signOut({ scope: "local" });
    return { success: true, redirectTo: "/login" };
  },

  check: async () => {
    const { data } = await supabaseClient.auth.getSession();
    if (data.session) return { authenticated: true };
    return { authenticated: false, logout: true, redirectTo: "/login" };
  },

  onError: async (error) => {
    if (error?.statusCode === 401) return { logout: true, redirectTo: "/login", error };
    return {};
  },

  getIdentity: async () => {
    const profile = await loadProfile(supabaseClient);
    if (!profile) return null;
    return {
      id: profile.userId,
      name: profile.displayName,
      email: profile.email,
      role: profile.role,
      orgUnitId: profile.orgUnitId,
      orgUnitName: profile.orgUnitName,
    };
  },

  getPermissions: async () => (await loadProfile(supabaseClient))?.role ?? null,
};
