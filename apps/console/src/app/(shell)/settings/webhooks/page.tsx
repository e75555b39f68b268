import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Webhooks" };

export default function WebhooksPage() {
  return (
    <PlannedView
      title="Webhooks"
      description="Where kt sends alerts: budget thresholds, escalations, gateway health."
      permission="webhooks:read"
      icon={<Webhook size={32} />}
      emptyTitle="Alert webhooks will be listed here"
      emptyBody="Add an HTTPS endpoint, choose which alerts it receives, and see its recent deliveries."
    />
  );
}
