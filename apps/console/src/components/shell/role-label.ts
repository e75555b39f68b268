import type { TRole } from "@kt/contract";

export const ROLE_LABEL: Record<TRole, string> = {
  admin: "Admin",
  manager: "Manager",
  finance: "Finance",
  viewer: "Viewer",
};
