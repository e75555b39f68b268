import type { Metadata } from "next";
import { Suspense } from "react";
import { RequirePermission } from "@/components/shell/require-permission";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { Page } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
import "@/components/charts/charts.css";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return (
    <Page
      title="Dashboard"
      description="How your teams use LLMs: traffic, policy decisions, spend and gateway health at a glance."
    >
      <RequirePermission permission="dashboard:read">
        <Suspense fallback={<Skeleton lines={6} />}>
          <DashboardView />
        </Suspense>
      </RequirePermission>
    </Page>
  );
}
