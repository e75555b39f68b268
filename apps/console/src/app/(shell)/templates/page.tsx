import { LayoutTemplate } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Templates" };

export default function TemplatesPage() {
  return (
    <PlannedView
      title="Templates"
      description="Ready-made policy configurations to start from."
      permission="templates:read"
      icon={<LayoutTemplate size={32} />}
      emptyTitle="The template catalog will appear here"
      emptyBody="Each template describes what it protects against, with a preview of its YAML. You will create a policy configuration from one in a click and adjust it before assigning it to gateways."
      actions={[{ href: "/configurations", label: "Go to configurations", permission: "configs:read" }]}
    />
  );
}
