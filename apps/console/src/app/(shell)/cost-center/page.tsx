import type { Metadata } from "next";
import { Suspense } from "react";
import { CostCenterView } from "@/components/cost-center/cost-center-view";
import { RequirePermission } from "@/components/shell/require-permission";
import { Page } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
import "@/components/charts/charts.css";

export const metadata: Metadata = { title: "Cost Center" };

export default function CostCenterPage() {
  return (
    <Page
      title="Cost Center"
      description="Spend by team, user, model and provider, against budgets, with a month-end forecast."
    >
      <RequirePermission permission="costs:read">
        <Suspense fallback={<Skeleton lines={8} />}>
          <CostCenterView />
        </Suspense>
      </RequirePermission>
    </Page>
  );
}
