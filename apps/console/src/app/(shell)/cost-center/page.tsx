import type { Metadata } from "next";
import { Suspense } from "react";
import { CostCenterView } from "@/components/cost-center/cost-center-view";
import { PrefetchedView } from "@/components/shell/prefetched-view";
import { RequirePermission } from "@/components/shell/require-permission";
import { Page } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
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
          <PrefetchedView searchParams={searchParams} prefetch={costCenterPrefetch}>
            <CostCenterView />
          </PrefetchedView>
        </Suspense>
      </RequirePermission>
    </Page>
  );
}
