import type { AuthProvider } from "@refinedev/core";
import { i18n } from "../i18n";
import { clearProfile, loadProfile } from "./profile";
import { reauthenticating } from "./reauth";
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
    // The session is gone but the sign-in dialog is asking: stay on the page (and keep its form) meanwhile.
    if (reauthenticating()) return { authenticated: true };
    return { authenticated: false, logout: true, redirectTo: "/login" };
  },

  // A 401 reaches here only once the data provider's sign-in dialog was declined (see reauth.ts).
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

export type PasswordChangeResult = "changed" | "currentWrong" | "same" | "weak" | "failed";

/**
 * Changes the signed-in user's own password. The auth service checks the current password, applies the
 * password policy and signs the account's other devices out; this device stays signed in.
 */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<PasswordChangeResult> {
  const { error } = await supabaseClient.auth.updateUser({ password: newPassword, current_password: currentPassword });
  if (!error) return "changed";
  if (error.code === "current_password_invalid") return "currentWrong";
  if (error.code === "same_password") return "same";
  if (error.code === "weak_password") return "weak";
  return "failed";
}

/** Signs the same account in again after its session ended; false for wrong credentials or any failure. */
export async function signInAgain(email: string, password: string): Promise<"ok" | "invalid" | "throttled" | "failed"> {
  const { error } = await supabaseClient.auth.signInWithPassword({ email, password });
  if (!error) return "ok";
  if (error.status === 429) return "throttled";
  if (error.status === 400) return "invalid";
  return "failed";
}
