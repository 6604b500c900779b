// The local stack's contract: the Supabase CLI's local defaults, each overridable from the environment
// so that tests (and a second checkout) can run a stack beside the default one.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { localDataDir } from "./dataDir";

export const supabaseDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const projectRoot = resolve(supabaseDir, "..");

type SupabaseConfig = {
  project_id: string;
  api: { port: number; schemas: string[]; extra_search_path: string[]; max_rows: number };
  db: { port: number; major_version: number };
  auth: {
    site_url: string;
    additional_redirect_urls: string[];
    jwt_expiry: number;
    enable_refresh_token_rotation: boolean;
    refresh_token_reuse_interval: number;
    enable_signup: boolean;
    minimum_password_length: number;
    password_requirements: "" | "letters_digits" | "lower_upper_letters_digits" | "lower_upper_letters_digits_symbols";
    /** Requests per 5 minutes per client address. */
    rate_limit: { sign_in_sign_ups: number; token_refresh: number };
  };
};

export const config = parse(readFileSync(resolve(supabaseDir, "config.toml"), "utf8")) as unknown as SupabaseConfig;

const int = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

export const JWT_SECRET = process.env.SUPABASE_JWT_SECRET ?? "super-secret-jwt-token-with-at-least-32-characters-long";
export const ANON_KEY =
  process.env.SUPABASE_ANON_KEY ??
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
export const SERVICE_ROLE_KEY =
  process.env.SUPABASE_SERVICE_ROLE_KEY ??
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";

export const API_PORT = int("SUPABASE_API_PORT", config.api.port);
export const DB_PORT = int("SUPABASE_DB_PORT", config.db.port);
export const DATA_DIR = resolve(process.env.SUPABASE_DATA_DIR ?? localDataDir(supabaseDir, "db"));
export const MIGRATIONS_DIR = resolve(process.env.SUPABASE_MIGRATIONS_DIR ?? resolve(supabaseDir, "migrations"));
export const SEED_FILE = resolve(process.env.SUPABASE_SEED_FILE ?? resolve(supabaseDir, "seed.sql"));

export const API_URL = `http://127.0.0.1:${API_PORT}`;
export const DB_URL = `postgresql://postgres:postgres@127.0.0.1:${DB_PORT}/postgres`;

export const DEMO_PASSWORD = "dangjian-demo";
export const DEMO_ACCOUNTS = [
  { email: "admin@dangjian.test", role: "org_admin" },
  { email: "committee@dangjian.test", role: "committee_admin" },
  { email: "leader@dangjian.test", role: "leader" },
] as const;
