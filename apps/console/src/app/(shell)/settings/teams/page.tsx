import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Teams" };

export default function TeamsPage() {
  return (
    <PlannedView
      title="Teams"
      description="Teams group people, gateways, keys and budgets."
      permission="teams:read"
      icon={<UsersRound size={32} />}
      emptyTitle="Teams will be listed here"
      emptyBody="Create, rename and archive teams and choose their members. Managers see and manage their own teams' gateways, keys and data."
      actions={[{ href: "/settings/members", label: "Go to members", permission: "members:read" }]}
    />
  );
}
