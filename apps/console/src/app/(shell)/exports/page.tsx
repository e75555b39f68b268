import { FileDown } from "lucide-react";
import type { Metadata } from "next";
import { PlannedView } from "@/components/shell/planned-view";

export const metadata: Metadata = { title: "Exports" };

export default function ExportsPage() {
  return (
    <PlannedView
      title="Exports"
      description="Events, costs and audit entries as downloadable files."
      permission="exports:read"
      icon={<FileDown size={32} />}
      emptyTitle="Export jobs will be listed here"
      emptyBody='Each export shows its progress while it runs and a download link when it is ready. From a terminal: kt export create --type events --format csv --since 90d --description "…"'
      actions={[{ href: "/cost-center", label: "Go to the Cost Center", permission: "costs:read" }]}
    />
  );
}
