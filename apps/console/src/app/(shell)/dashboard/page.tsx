import { LayoutDashboard } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <PlannedView
      title="Dashboard"
      description="How your teams use LLMs: traffic, policy decisions, spend and gateway health at a glance."
      permission="dashboard:read"
      icon={<LayoutDashboard size={32} />}
      emptyTitle="Charts of your organisation's traffic will appear here"
      emptyBody="Requests over time split by action (allowed, redacted, blocked, escalated), active users, block and escalation rates, policy trigger rates, spend this month against budgets, and gateways by health, filtered by time range and team. They fill in as soon as a gateway forwards its first request."
      actions={[
        { href: "/gateways", label: "Set up a gateway", permission: "gateways:write" },
        { href: "/events", label: "Browse events", permission: "events:read" },
      ]}
    />
  );
}
