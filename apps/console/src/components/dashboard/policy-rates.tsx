"use client";
import type { TDashboardSummary } from "@kt/contract";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPercent } from "@/lib/format";
import { ChartCard } from "../charts/chart-card";
import { Table } from "../ui/table";

type TProps = { summary: TDashboardSummary | undefined; isPending: boolean; error: unknown; onRetry: () => void; eventsHref: (extra: Record<string, string>) => string };
type TPolicy = TDashboardSummary["policies"][number];

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
      chart={() => (
        <div role="img" aria-label={`Trigger rate per policy; ${rows.map((r) => `${r.policy} ${formatPercent(r.rate)}`).join(", ")}`} style={{ height: "100%" }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e5e7eb" />
              <XAxis type="number" tickFormatter={(v: number) => formatPercent(v)} tick={{ fill: "#374151", fontSize: 12 }} />
              <YAxis type="category" dataKey="policy" width={130} tick={{ fill: "#374151", fontSize: 12 }} />
              <Tooltip formatter={(v) => formatPercent(Number(v))} />
              <Bar dataKey="rate" name="Trigger rate" fill="#1d4ed8" maxBarSize={36} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
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
