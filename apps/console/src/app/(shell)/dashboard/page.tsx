import type { Metadata } from "next";
import { Suspense } from "react";
import { PrefetchedView } from "@/components/shell/prefetched-view";
import { RequirePermission } from "@/components/shell/require-permission";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { Page } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
import { dashboardPrefetch, type TSearchParams } from "@/lib/server/view-prefetch";
import "@/components/charts/charts.css";

export const metadata: Metadata = { title: "Dashboard" };

type TDashboardPageProps = { searchParams: Promise<TSearchParams> };

export default function DashboardPage({ searchParams }: TDashboardPageProps) {
  return (
    <Page
      title="Dashboard"
      description="How your teams use LLMs: traffic, policy decisions, spend and gateway health at a glance."
    >
      <RequirePermission permission="dashboard:read">
        <Suspense fallback={<Skeleton lines={6} />}>
          <PrefetchedView searchParams={searchParams} prefetch={dashboardPrefetch}>
            <DashboardView />
          </PrefetchedView>
        </Suspense>
      </RequirePermission>
    </Page>
  );
}
