import type { Metadata } from "next";
import { GatewaysView } from "@/components/gateways/gateways-view";
import { apiBaseUrl } from "@/lib/server/config";

export const metadata: Metadata = { title: "Gateways" };
export const dynamic = "force-dynamic";

/** The control plane URL gateways reach: KT_PUBLIC_API_URL when the API is published elsewhere, else KT_API_URL. */
export default function GatewaysPage() {
  const controlPlaneUrl = (process.env.KT_PUBLIC_API_URL ?? apiBaseUrl()).replace(/\/+$/, "");
  return <GatewaysView controlPlaneUrl={controlPlaneUrl} />;
}
