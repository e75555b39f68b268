import type { Metadata } from "next";
import { Suspense } from "react";
import { EventsView } from "@/components/events/events-view";
import { RequirePermission } from "@/components/shell/require-permission";
import { Page } from "@/components/ui/page";
import { Skeleton } from "@/components/ui/skeleton";
import "@/components/charts/charts.css";

export const metadata: Metadata = { title: "Events" };

export default function EventsPage() {
  return (
    <Page title="Events" description="Every request your gateways handled, with each policy's decision.">
      <RequirePermission permission="events:read">
        <Suspense fallback={<Skeleton lines={8} />}>
          <EventsView />
        </Suspense>
      </RequirePermission>
    </Page>
  );
}
