import { Activity } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Events" };

export default function EventsPage() {
  return (
    <PlannedView
      title="Events"
      description="Every request your gateways handled, with each policy's decision."
      permission="events:read"
      icon={<Activity size={32} />}
      emptyTitle="Gateway events will be listed here"
      emptyBody="Each request through a gateway becomes an event: who sent it, the team, provider and model, what every policy decided, its cost and latency. You will filter them, open one to see its decisions, and follow new ones live."
      actions={[
        { href: "/gateways", label: "Set up a gateway", permission: "gateways:write" },
        { href: "/dashboard", label: "Back to the dashboard", permission: "dashboard:read" },
      ]}
    />
  );
}
