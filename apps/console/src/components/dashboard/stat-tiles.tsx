import type { TDashboardSummary } from "@kt/contract";
import { formatCurrency, formatDuration, formatNumber, formatPercent } from "@/lib/format";

type TTile = { label: string; value: string; note?: string };

function tiles(s: TDashboardSummary): TTile[] {
  const t = s.totals;
  return [
    { label: "Requests", value: formatNumber(t.requests), note: `${formatNumber(t.errors)} errors` },
    { label: "Active users", value: formatNumber(s.activeUsers), note: "distinct users who sent a request" },
    { label: "Block rate", value: formatPercent(t.blockRate), note: `${formatNumber(t.blocked)} blocked` },
    {
      label: "Escalation rate",
      value: formatPercent(t.escalationRate),
      note: `${formatNumber(s.openEscalations)} open, ${formatNumber(s.overdueEscalations)} overdue`,
    },
    {
      label: "Spend",
      value: formatCurrency(t.costUsd),
      note: t.unpricedRequests > 0 ? `${formatNumber(t.unpricedRequests)} requests with unknown price` : "all requests priced",
    },
    {
      label: "Latency (p95)",
      value: t.p95LatencyMs === null ? "—" : formatDuration(t.p95LatencyMs),
      note: t.p50LatencyMs === null ? undefined : `end to end; median ${formatDuration(t.p50LatencyMs)}`,
    },
  ];
}

/** The headline numbers for the selected range and team. */
export function StatTiles({ summary }: { summary: TDashboardSummary }) {
  return (
    <ul className="stat-tiles" aria-label="Headline numbers" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {tiles(summary).map((tile) => (
        <li key={tile.label} className="stat-tile">
          <p className="stat-tile-label">{tile.label}</p>
          <p className="stat-tile-value">{tile.value}</p>
          {tile.note ? <p className="stat-tile-note">{tile.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}
