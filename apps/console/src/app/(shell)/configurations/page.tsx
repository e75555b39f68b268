import { FileCode2 } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Configurations" };

export default function ConfigurationsPage() {
  return (
    <PlannedView
      title="Configurations"
      description="Versioned policy configurations and the gateways they apply to."
      permission="configs:read"
      icon={<FileCode2 size={32} />}
      emptyTitle="Policy configurations will be listed here"
      emptyBody="Each configuration keeps every version: edit its YAML with lint errors shown on their lines, compare any two versions, roll back, and assign it to gateways. Starting from a template is the quickest way to a first one."
      actions={[{ href: "/templates", label: "Start from a template", permission: "templates:read" }]}
    />
  );
}
