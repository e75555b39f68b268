import { Wallet } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Cost Center" };

export default function CostCenterPage() {
  return (
    <PlannedView
      title="Cost Center"
      description="Spend by team, user, model and provider, against budgets, with a month-end forecast."
      permission="costs:read"
      icon={<Wallet size={32} />}
      emptyTitle="Spend and budgets will appear here"
      emptyBody="Spend over time by team, user, model and provider, each team's budget against actual with its alert thresholds, a forecast for the end of the month, and models whose price is unknown. A cost export downloads the same numbers as CSV."
      actions={[
        { href: "/exports", label: "Go to exports", permission: "exports:create" },
        { href: "/events", label: "Browse events", permission: "events:read" },
      ]}
    />
  );
}
