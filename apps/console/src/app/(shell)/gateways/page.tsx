import { Server } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Gateways" };

export default function GatewaysPage() {
  return (
    <PlannedView
      title="Gateways"
      description="The governed proxies your applications call instead of the provider."
      permission="gateways:read"
      icon={<Server size={32} />}
      emptyTitle="Registered gateways will be listed here"
      emptyBody="For each gateway: health, version, last heartbeat, spool depth and the configuration version in force. Registering one shows its credential once, with the exact kt gateway run command to copy."
      actions={[
        { href: "/settings/gateway-keys", label: "Manage gateway keys", permission: "gateway_keys:read" },
        { href: "/configurations", label: "Review configurations", permission: "configs:read" },
      ]}
    />
  );
}
