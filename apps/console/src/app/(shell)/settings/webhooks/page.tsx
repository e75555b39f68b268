import type { Metadata } from "next";
import { WebhooksView } from "@/components/settings/webhooks-view";

export const metadata: Metadata = { title: "Webhooks" };

export default function Page() {
  return <WebhooksView />;
}
