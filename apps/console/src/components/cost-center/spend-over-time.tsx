"use client";
import { useId, useMemo, useState } from "react";
import { useGroupEvents } from "@/hooks/use-group-events";
import { formatCurrency } from "@/lib/format";
import { pivotGroups } from "@/lib/pivot";
import { ChartCard } from "../charts/chart-card";
import { seriesColor } from "../charts/palette";
import { PivotTable } from "../charts/pivot-table";
import { StackedBars } from "../charts/lazy-stacked-bars";
import { ButtonLink } from "../ui/button";
import { SpendBreakdown } from "./spend-breakdown";

export const SPEND_DIMENSIONS = ["team", "user", "model", "provider"] as const;
export type TSpendDimension = (typeof SPEND_DIMENSIONS)[number];

type TProps = { query: { since: string; until?: string; team?: string }; bucket: "hour" | "day" };

const axisCurrency = (n: number) => formatCurrency(n).replace(/\.00$/, "");

/** Spend per hour or day stacked by team, user, model or provider, with the totals per value beneath. */
export function SpendOverTime({ query, bucket }: TProps) {
  const id = useId();
  const [dimension, setDimension] = useState<TSpendDimension>("team");
  const groups = useGroupEvents({ ...query, groupBy: [bucket, dimension] });
  const pivot = useMemo(() => {
    const data = groups.data;
    if (!data) return null;
    return pivotGroups({ groups: data.groups, bucket, seriesKey: dimension, value: (g) => g.costUsd, since: data.since, until: data.until, top: 6 });
  }, [groups.data, bucket, dimension]);
  const requests = groups.data?.groups.reduce((s, g) => s + g.requests, 0) ?? 0;
  const picker = (
    <div className="field" style={{ flexDirection: "row", alignItems: "center", gap: "0.5rem" }}>
      <label htmlFor={id}>Split by</label>
      <select id={id} value={dimension} onChange={(e) => setDimension(e.target.value as TSpendDimension)}>
        {SPEND_DIMENSIONS.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <ChartCard
        title={`Spend over time by ${dimension}`}
        testId="chart-spend-over-time"
        actions={picker}
        isPending={groups.isPending}
        error={groups.error}
        onRetry={() => void groups.refetch()}
        isEmpty={requests === 0}
        empty={{
          title: "No spend in this range",
          body: "Spend is computed from each request's tokens and the model's price. Widen the range, pick another team, or route traffic through a gateway.",
          action: <ButtonLink href="/gateways">Go to gateways</ButtonLink>,
        }}
        chart={() =>
          pivot ? (
            <StackedBars
              pivot={pivot}
              bucket={bucket}
              color={(_s, i) => seriesColor(i)}
              formatValue={formatCurrency}
              formatAxis={axisCurrency}
              label={`Spend per ${bucket} by ${dimension}; use "Show table" for the numbers.`}
            />
          ) : null
        }
        table={() =>
          pivot ? <PivotTable caption={`Spend per ${bucket} by ${dimension} (USD)`} pivot={pivot} bucket={bucket} formatValue={formatCurrency} /> : null
        }
      />
      {groups.data && requests > 0 ? <SpendBreakdown query={query} dimension={dimension} /> : null}
    </>
  );
}
