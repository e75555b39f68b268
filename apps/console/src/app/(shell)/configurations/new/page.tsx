import type { Metadata } from "next";
import { NewConfigView } from "@/components/configurations/new-config-view";

export const metadata: Metadata = { title: "New configuration" };

export default function NewConfigurationPage() {
  return <NewConfigView />;
}
