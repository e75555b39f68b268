import type { TPermission } from "@kt/contract";
import {
  Activity,
  FileCode2,
  FileDown,
  KeyRound,
  LayoutDashboard,
  LayoutTemplate,
  ListChecks,
  type LucideIcon,
  Server,
  Settings,
  ShieldAlert,
  Users,
  UsersRound,
  Wallet,
  Webhook,
  Ticket,
} from "lucide-react";

export type TNavItem = { href: string; label: string; icon: LucideIcon; permission: TPermission };

/** The Console's views, in the order the sidebar shows them. Each is shown only to roles that may read it. */
export const MAIN_NAV: readonly TNavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard, permission: "dashboard:read" },
  { href: "/events", label: "Events", icon: Activity, permission: "events:read" },
  { href: "/cost-center", label: "Cost Center", icon: Wallet, permission: "costs:read" },
  { href: "/escalations", label: "Escalations", icon: ShieldAlert, permission: "escalations:read" },
  { href: "/templates", label: "Templates", icon: LayoutTemplate, permission: "templates:read" },
  { href: "/configurations", label: "Configurations", icon: FileCode2, permission: "configs:read" },
  { href: "/gateways", label: "Gateways", icon: Server, permission: "gateways:read" },
  { href: "/audit-log", label: "Audit Log", icon: ListChecks, permission: "audit:read" },
  { href: "/exports", label: "Exports", icon: FileDown, permission: "exports:read" },
];

export const SETTINGS_NAV: readonly TNavItem[] = [
  { href: "/settings/gateway-keys", label: "Gateway keys", icon: KeyRound, permission: "gateway_keys:read" },
  { href: "/settings/api-tokens", label: "API tokens", icon: Ticket, permission: "api_tokens:read" },
  { href: "/settings/members", label: "Members", icon: Users, permission: "members:read" },
  { href: "/settings/teams", label: "Teams", icon: UsersRound, permission: "teams:read" },
  { href: "/settings/webhooks", label: "Webhooks", icon: Webhook, permission: "webhooks:read" },
];

export const SETTINGS_ICON = Settings;
