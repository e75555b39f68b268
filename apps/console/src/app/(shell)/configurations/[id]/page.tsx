import type { Metadata } from "next";
import { ConfigDetailView } from "@/components/configurations/config-detail-view";

export const metadata: Metadata = { title: "Configuration" };

export default async function ConfigurationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ConfigDetailView id={id} />;
}
