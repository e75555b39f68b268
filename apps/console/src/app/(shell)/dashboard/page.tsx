import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { RequirePermission } from "@/components/shell/require-permission";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { Page } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
import { getMe } from "@/lib/server/get-me";
import { prefetchQueries } from "@/lib/server/prefetch";
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
          <Prefetched searchParams={searchParams} />
        </Suspense>
      </RequirePermission>
    </Page>
  );
}

/**
 * The view with its first data fetched here on the server, so the data arrives with the HTML instead of after
 * the page's script has loaded and run. It streams under the page's frame, which the browser gets (with its
 * styles and scripts to load) while the API answers.
 */
async function Prefetched({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  // Signed out or API down: the shell layout shows that; the view then asks from the browser as usual.
  const me = await getMe().catch(() => null);
  const state = await prefetchQueries(me ? dashboardPrefetch(me, await searchParams) : []);
  return (
    <HydrationBoundary state={state}>
      <DashboardView />
    </HydrationBoundary>
  );
}
