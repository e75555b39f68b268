import type { Metadata } from "next";
import { ConfigurationsView } from "@/components/configurations/configurations-view";

export const metadata: Metadata = { title: "Configurations" };

export default function ConfigurationsPage() {
  return <ConfigurationsView />;
}
