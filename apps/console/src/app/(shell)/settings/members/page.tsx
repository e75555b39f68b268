import { Users } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Members" };

export default function MembersPage() {
  return (
    <PlannedView
      title="Members"
      description="People in your organisation and their roles."
      permission="members:read"
      icon={<Users size={32} />}
      emptyTitle="Members will be listed here"
      emptyBody="Admins invite people with a one-time link or an initial password, change roles (admin, manager, finance, viewer) and remove members."
      actions={[{ href: "/settings/teams", label: "Go to teams", permission: "teams:read" }]}
    />
  );
}
