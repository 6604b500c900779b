// The signed-in user's profile (role, org unit, display name) from public.my_profile(), cached per user
// so the header, the access rules and the forms share one request.
import type { SupabaseClient } from "@supabase/supabase-js";

export type Role = "org_admin" | "committee_admin" | "leader";
export const ROLES: readonly Role[] = ["org_admin", "committee_admin", "leader"];

export type Profile = {
  userId: string;
  email: string | undefined;
  role: Role;
  orgUnitId: number | null;
  orgUnitName: string | null;
  displayName: string;
};

type ProfileRow = {
  user_id?: string;
  role: Role;
  org_unit_id: number | null;
  org_unit_name?: string | null;
  display_name: string | null;
  email?: string | null;
};

let cached: { userId: string; profile: Promise<Profile | null> } | undefined;

export function clearProfile() {
  cached = undefined;
}

export async function loadProfile(client: SupabaseClient): Promise<Profile | null> {
  const { data: sessionData } = await client.auth.getSession();
  const user = sessionData.session?.user;
  if (!user) return null;
  if (cached?.userId !== user.id) {
    const profile = fetchProfile(client, user.id, user.email);
    cached = { userId: user.id, profile };
    // A failed fetch must not stick: the next caller tries again.
    profile.catch(() => {
      if (cached?.profile === profile) cached = undefined;
    });
  }
  return cached.profile;
}

async function fetchProfile(client: SupabaseClient, userId: string, email: string | undefined): Promise<Profile | null> {
  const { data, error } = await client.rpc("my_profile");
  if (error) throw error;
  const row = (Array.isArray(data) ? data[0] : data) as ProfileRow | null | undefined;
  if (!row?.role) return null;
  return {
    userId,
    email: email ?? row.email ?? undefined,
    role: row.role,
    orgUnitId: row.org_unit_id ?? null,
    orgUnitName: row.org_unit_name ?? null,
    displayName: row.display_name || email || "",
  };
}
