"use client";
import { EVENT_ACTIONS } from "@kt/contract";
import { useMemo } from "react";
import { useGroupEvents } from "@/hooks/use-group-events";
import { formatCompact, formatNumber } from "@/lib/format";
import { pivotGroups } from "@/lib/pivot";
import { ChartCard } from "../charts/chart-card";
import { ACTION_COLOR } from "../charts/palette";
import { PivotTable } from "../charts/pivot-table";
import { StackedBars } from "../charts/lazy-stacked-bars";
import { ButtonLink } from "../ui/button";

type TProps = { query: { since: string; until?: string; team?: string }; bucket: "hour" | "day" };

/** Requests per hour or day, stacked by what the policies did: allowed, redacted, blocked, escalated. */
export function RequestsByAction({ query, bucket }: TProps) {
  const groups = useGroupEvents({ ...query, groupBy: [bucket, "action"] });
  const pivot = useMemo(() => {
    const data = groups.data;
    if (!data) return null;
    return pivotGroups({
      groups: data.groups,
      bucket,
      seriesKey: "action",
      value: (g) => g.requests,
      since: data.since,
      until: data.until,
      fixedSeries: EVENT_ACTIONS,
    });
  }, [groups.data, bucket]);
  const total = groups.data?.groups.reduce((sum, g) => sum + g.requests, 0) ?? 0;
  return (
    <ChartCard
      title="Requests over time by action"
      testId="chart-requests-by-action"
      isPending={groups.isPending}
      error={groups.error}
      onRetry={() => void groups.refetch()}
      isEmpty={total === 0}
      empty={{
        title: "No requests in this range",
        body: "Requests appear here as soon as a gateway forwards them. Widen the range, pick another team, or set up a gateway.",
        action: <ButtonLink href="/gateways">Go to gateways</ButtonLink>,
      }}
      chart={() =>
        pivot ? (
          <StackedBars
            pivot={pivot}
            bucket={bucket}
            color={(s) => ACTION_COLOR[s as keyof typeof ACTION_COLOR] ?? "#475569"}
            formatValue={formatNumber}
            formatAxis={formatCompact}
            label={`Requests per ${bucket} by action, ${formatNumber(total)} in total; use "Show table" for the numbers.`}
          />
        ) : null
      }
      table={() =>
        pivot ? (
          <PivotTable caption="Requests per bucket by action" pivot={pivot} bucket={bucket} formatValue={formatNumber} />
        ) : null
      }
    />
  );
}
