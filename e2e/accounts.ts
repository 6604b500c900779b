// The demo accounts (supabase/seed.sql) and how the UI names their roles.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../supabase/local/env";

export type Role = (typeof DEMO_ACCOUNTS)[number]["role"];

export const ROLE_LABELS: Record<Role, string> = { org_admin: "组织部", committee_admin: "二级党组织管理员", leader: "校领导" };

export const accountFor = (role: Role) => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
  return { ...account, password: DEMO_PASSWORD };
};

/** Per app port: runs of several checkouts on one machine keep their sessions apart. */
export const storageStateFor = (role: Role) => `e2e/.auth/${process.env.APP_PORT ?? 4173}/${role}.json`;

export { DEMO_ACCOUNTS, DEMO_PASSWORD };
