import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Gateway keys" };

export default function GatewayKeysPage() {
  return (
    <PlannedView
      title="Gateway keys"
      description="Keys your applications send to a gateway; each belongs to a team."
      permission="gateway_keys:read"
      icon={<KeyRound size={32} />}
      emptyTitle="Gateway keys will be listed here"
      emptyBody="Issue a key for a team (the secret is shown once, with a copy button), see its expiry and last use, rotate it, or revoke it so the next call with it fails."
      actions={[{ href: "/gateways", label: "Go to gateways", permission: "gateways:read" }]}
    />
  );
}
