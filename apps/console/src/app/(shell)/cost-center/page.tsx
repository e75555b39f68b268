import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { CostCenterView } from "@/components/cost-center/cost-center-view";
import { RequirePermission } from "@/components/shell/require-permission";
import { Page } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
import { getMe } from "@/lib/server/get-me";
import { prefetchQueries } from "@/lib/server/prefetch";
import { costCenterPrefetch, type TSearchParams } from "@/lib/server/view-prefetch";
import "@/components/charts/charts.css";

export const metadata: Metadata = { title: "Cost Center" };

type TCostCenterPageProps = { searchParams: Promise<TSearchParams> };

export default function CostCenterPage({ searchParams }: TCostCenterPageProps) {
  return (
    <Page
      title="Cost Center"
      description="Spend by team, user, model and provider, against budgets, with a month-end forecast."
    >
      <RequirePermission permission="costs:read">
        <Suspense fallback={<Skeleton lines={8} />}>
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
  const state = await prefetchQueries(me ? costCenterPrefetch(me, await searchParams) : []);
  return (
    <HydrationBoundary state={state}>
      <CostCenterView />
    </HydrationBoundary>
  );
}
