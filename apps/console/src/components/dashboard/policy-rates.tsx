"use client";
import type { TDashboardSummary } from "@kt/contract";
import Link from "next/link";
import dynamic from "next/dynamic";
import { formatNumber, formatPercent } from "@/lib/format";
import { ChartCard } from "../charts/chart-card";
import { ChartLoading } from "../charts/chart-loading";
import { Table } from "../ui/table";

type TProps = {
  summary: TDashboardSummary | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
  eventsHref: (extra: Record<string, string>) => string;
};
type TPolicy = TDashboardSummary["policies"][number];

const PolicyRatesChart = dynamic(() => import("./policy-rates-chart").then((m) => m.PolicyRatesChart), {
  ssr: false,
  loading: ChartLoading,
});

/** How often each policy triggered, as a share of all requests in the range. */
export function PolicyRates({ summary, isPending, error, onRetry, eventsHref }: TProps) {
  const rows = [...(summary?.policies ?? [])].sort((a, b) => b.rate - a.rate);
  return (
    <ChartCard
      title="Policy trigger rates"
      testId="chart-policy-rates"
      isPending={isPending}
      error={error}
      onRetry={onRetry}
      isEmpty={rows.length === 0}
      empty={{
        title: "No policy triggered in this range",
        body: "Every request passed every policy. When a policy redacts, blocks or escalates, its rate shows here.",
      }}
      chart={() => <PolicyRatesChart rows={rows} />}
      table={() => (
        <Table<TPolicy>
          caption="Requests each policy triggered on"
          rows={rows}
          rowKey={(r) => r.policy}
          columns={[
            {
              key: "policy",
              header: "Policy",
              cell: (r) => <Link href={eventsHref({ policy: r.policy })}>{r.policy}</Link>,
            },
            { key: "triggered", header: "Triggered", numeric: true, cell: (r) => formatNumber(r.triggered) },
            { key: "blocked", header: "Blocked", numeric: true, cell: (r) => formatNumber(r.blocked) },
            { key: "rate", header: "Share of requests", numeric: true, cell: (r) => formatPercent(r.rate) },
          ]}
        />
      )}
    />
  );
}
