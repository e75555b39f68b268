import type { Metadata } from "next";
import { ExportsView } from "@/components/exports/exports-view";
import { RequirePermission } from "@/components/shell/require-permission";
import { Page } from "@/components/ui/page";
import "@/components/charts/charts.css";

export const metadata: Metadata = { title: "Exports" };

export default function ExportsPage() {
  return (
    <Page title="Exports" description="Events, costs and audit entries as downloadable files (CSV, JSON or NDJSON).">
      <RequirePermission permission="exports:read">
        <ExportsView />
      </RequirePermission>
    </Page>
  );
}
