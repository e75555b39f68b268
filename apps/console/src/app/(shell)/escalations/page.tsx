import { ShieldAlert } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Escalations" };

export default function EscalationsPage() {
  return (
    <PlannedView
      title="Escalations"
      description="Requests a policy held for a person to approve or reject."
      permission="escalations:read"
      icon={<ShieldAlert size={32} />}
      emptyTitle="The escalation queue will appear here"
      emptyBody="When a policy's action is escalate, the request waits here by priority with its SLA countdown. You will assign it to yourself, read the event's context, and approve or reject it with a reason."
      actions={[
        { href: "/configurations", label: "Review policy configurations", permission: "configs:read" },
      ]}
    />
  );
}
