import type { TRole } from "./roles";

/**
 * Who may do what, by role. The API enforces it (managers are further limited to their teams' resources);
 * the Console uses the same map to hide actions a role may not take.
 */
export const PERMISSIONS = {
  "dashboard:read": ["admin", "manager", "finance", "viewer"],
  "events:read": ["admin", "manager", "finance", "viewer"],
  "costs:read": ["admin", "manager", "finance", "viewer"],
  "prices:write": ["admin"],
  "budgets:write": ["admin"],
  "escalations:read": ["admin", "manager", "viewer"],
  "escalations:decide": ["admin", "manager"],
  "templates:read": ["admin", "manager", "finance", "viewer"],
  "configs:read": ["admin", "manager", "viewer"],
  "configs:write": ["admin", "manager"],
  "gateways:read": ["admin", "manager", "finance", "viewer"],
  "gateways:write": ["admin", "manager"],
  "gateway_keys:read": ["admin", "manager", "viewer"],
  "gateway_keys:write": ["admin", "manager"],
  "audit:read": ["admin"],
  "exports:read": ["admin", "manager", "finance", "viewer"],
  "exports:create": ["admin", "manager", "finance"],
  "api_tokens:read": ["admin", "manager", "finance", "viewer"],
  "api_tokens:write": ["admin", "manager", "finance"],
  "members:read": ["admin", "manager", "finance", "viewer"],
  "members:write": ["admin"],
  "teams:read": ["admin", "manager", "finance", "viewer"],
  "teams:write": ["admin"],
  "webhooks:read": ["admin", "manager"],
  "webhooks:write": ["admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

/** Whether `role` may take `action`. */
export function can(role: TRole, action: TPermission): boolean {
  return (PERMISSIONS[action] as readonly TRole[]).includes(role);
}
