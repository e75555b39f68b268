"use client";
import type { TEventGroup } from "@kt/contract";
import { useGroupEvents } from "@/hooks/use-group-events";
import { formatCurrency, formatNumber } from "@/lib/format";
import { seriesLabel } from "@/lib/pivot";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";
import { Table } from "../ui/table";

type TProps = { query: { since: string; until?: string; team?: string }; dimension: "team" | "user" | "model" | "provider" };

/** Totals for each team, user, model or provider over the whole range, most expensive first. */
export function SpendBreakdown({ query, dimension }: TProps) {
  const groups = useGroupEvents({ ...query, groupBy: [dimension] });
  const rows = [...(groups.data?.groups ?? [])].sort((a, b) => b.costUsd - a.costUsd);
  const total = rows.reduce((s, g) => s + g.costUsd, 0);
  return (
    <Card title={`Spend by ${dimension}`}>
      {groups.isPending ? <Skeleton lines={4} /> : null}
      {groups.error ? <ErrorState error={groups.error} onRetry={() => void groups.refetch()} /> : null}
      {groups.data ? (
        <Table<TEventGroup>
          caption={`${formatCurrency(total)} across ${formatNumber(rows.length)} ${dimension === "user" ? "users" : `${dimension}s`}`}
          rows={rows}
          rowKey={(g) => seriesLabel(g, dimension)}
          columns={[
            { key: "name", header: dimension[0]!.toUpperCase() + dimension.slice(1), cell: (g) => seriesLabel(g, dimension) },
            { key: "requests", header: "Requests", numeric: true, cell: (g) => formatNumber(g.requests) },
            { key: "tokens", header: "Tokens", numeric: true, cell: (g) => formatNumber(g.promptTokens + g.completionTokens) },
            { key: "cost", header: "Spend", numeric: true, cell: (g) => formatCurrency(g.costUsd) },
            { key: "share", header: "Share", numeric: true, cell: (g) => (total > 0 ? `${((g.costUsd / total) * 100).toFixed(1)}%` : "—") },
            {
              key: "unpriced",
              header: "Price unknown",
              numeric: true,
              cell: (g) => (g.unpricedRequests > 0 ? <Badge tone="warning">{`${formatNumber(g.unpricedRequests)} requests`}</Badge> : "—"),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
