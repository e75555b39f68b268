"use client";
import { GATEWAY_HEALTH, type TDashboardSummary } from "@kt/contract";
import dynamic from "next/dynamic";
import { formatNumber } from "@/lib/format";
import { ChartCard } from "../charts/chart-card";
import { ChartLoading } from "../charts/chart-loading";
import { Badge, type TBadgeTone } from "../ui/badge";
import { ButtonLink } from "../ui/button";
import { Table } from "../ui/table";
import { Time } from "../ui/time";

type THealth = (typeof GATEWAY_HEALTH)[number];
type TGatewayRow = TDashboardSummary["gateways"][number];

export const HEALTH_LABEL: Record<THealth, string> = {
  healthy: "Healthy",
  stale: "Stale",
  offline: "Offline",
  never: "Never connected",
};
const HEALTH_TONE: Record<THealth, TBadgeTone> = {
  healthy: "success",
  stale: "warning",
  offline: "danger",
  never: "neutral",
};
const GatewayHealthChart = dynamic(() => import("./gateway-health-chart").then((m) => m.GatewayHealthChart), {
  ssr: false,
  loading: ChartLoading,
});

type TProps = {
  summary: TDashboardSummary | undefined;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
};

/** Gateways by their last heartbeat: healthy within 30 s, stale within 2 min, offline beyond, or never seen. */
export function GatewayHealth({ summary, isPending, error, onRetry }: TProps) {
  const counts = GATEWAY_HEALTH.map((h) => ({
    health: h,
    label: HEALTH_LABEL[h],
    count: summary?.gatewaysByHealth[h] ?? 0,
  }));
  const gateways = summary?.gateways ?? [];
  return (
    <ChartCard
      title="Gateways by health"
      testId="chart-gateway-health"
      isPending={isPending}
      error={error}
      onRetry={onRetry}
      isEmpty={gateways.length === 0}
      empty={{
        title: "No gateway registered",
        body: "Register a gateway, then run it with `kt gateway run`; its heartbeat shows here.",
        action: <ButtonLink href="/gateways">Register a gateway</ButtonLink>,
      }}
      chart={() => <GatewayHealthChart counts={counts} />}
      table={() => (
        <Table<TGatewayRow>
          caption="Each gateway's health and requests in the range"
          rows={gateways}
          rowKey={(g) => g.id}
          columns={[
            { key: "name", header: "Gateway", cell: (g) => g.name },
            {
              key: "health",
              header: "Health",
              cell: (g) => <Badge tone={HEALTH_TONE[g.health]}>{HEALTH_LABEL[g.health]}</Badge>,
            },
            {
              key: "hb",
              header: "Last heartbeat",
              cell: (g) => (g.lastHeartbeatAt ? <Time value={g.lastHeartbeatAt} compact /> : "never"),
            },
            { key: "requests", header: "Requests", numeric: true, cell: (g) => formatNumber(g.requests) },
          ]}
        />
      )}
    />
  );
}
