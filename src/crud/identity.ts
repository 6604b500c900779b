import type { Role } from "../providers/profile";

/** What authProvider.getIdentity returns. */
export type Identity = {
  id: string;
  name: string;
  email?: string;
  role: Role;
  orgUnitId: number | null;
  orgUnitName: string | null;
};
