import type { Metadata } from "next";
import { GatewayKeysView } from "@/components/settings/gateway-keys-view";

export const metadata: Metadata = { title: "Gateway keys" };

export default function GatewayKeysPage() {
  return <GatewayKeysView />;
}
