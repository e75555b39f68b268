"use client";
import { GATEWAY_HEALTH, type TDashboardSummary } from "@kt/contract";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";
import { ChartCard } from "../charts/chart-card";
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
const HEALTH_TONE: Record<THealth, TBadgeTone> = { healthy: "success", stale: "warning", offline: "danger", never: "neutral" };
const HEALTH_COLOR: Record<THealth, string> = { healthy: "#15803d", stale: "#b45309", offline: "#b91c1c", never: "#4b5563" };

type TProps = { summary: TDashboardSummary | undefined; isPending: boolean; error: unknown; onRetry: () => void };

/** Gateways by their last heartbeat: healthy within 30 s, stale within 2 min, offline beyond, or never seen. */
export function GatewayHealth({ summary, isPending, error, onRetry }: TProps) {
  const counts = GATEWAY_HEALTH.map((h) => ({ health: h, label: HEALTH_LABEL[h], count: summary?.gatewaysByHealth[h] ?? 0 }));
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
      chart={() => (
        <div role="img" aria-label={counts.map((c) => `${c.label}: ${c.count}`).join(", ")} style={{ height: "100%" }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={counts} margin={{ top: 8, right: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
              <XAxis dataKey="label" tick={{ fill: "#374151", fontSize: 12 }} />
              <YAxis allowDecimals={false} tick={{ fill: "#374151", fontSize: 12 }} width={40} />
              <Tooltip formatter={(v) => formatNumber(Number(v))} />
              <Bar dataKey="count" name="Gateways" isAnimationActive={false}>
                {counts.map((c) => (
                  <Cell key={c.health} fill={HEALTH_COLOR[c.health]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
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
