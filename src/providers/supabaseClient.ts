import { createClient } from "@supabase/supabase-js";

// The only place that knows where the backend is: VITE_SUPABASE_URL / VITE_SUPABASE_ANON_KEY (.env, or the build's environment).
const url = import.meta.env.VITE_SUPABASE_URL as string | undefined;
const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY as string | undefined;

if (!url || !anonKey) {
  throw new Error("VITE_SUPABASE_URL and VITE_SUPABASE_ANON_KEY must be set (see .env)");
}

export const supabaseClient = createClient(url, anonKey, {
  auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false },
});
