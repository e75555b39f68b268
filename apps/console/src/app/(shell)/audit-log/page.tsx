import { ListChecks } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Audit Log" };

export default function AuditLogPage() {
  return (
    <PlannedView
      title="Audit Log"
      description="Every change made in your organisation, by whom, and whether the record is intact."
      permission="audit:read"
      icon={<ListChecks size={32} />}
      emptyTitle="Audit entries will be listed here"
      emptyBody="Each change (members, roles, keys, configurations, budgets) is recorded with its actor, time, request and a before/after diff. The hash chain's verification status shows the log has not been altered."
      actions={[{ href: "/settings/members", label: "Review members", permission: "members:read" }]}
    />
  );
}
