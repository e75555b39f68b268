"use client";
import type { TDashboardSummary } from "@kt/contract";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/format";

type TPolicy = TDashboardSummary["policies"][number];

/** Trigger rate per policy as horizontal bars (loaded lazily with recharts). */
export function PolicyRatesChart({ rows }: { rows: TPolicy[] }) {
  return (
    <div
      role="img"
      aria-label={`Trigger rate per policy; ${rows.map((r) => `${r.policy} ${formatPercent(r.rate)}`).join(", ")}`}
      style={{ height: "100%" }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e5e7eb" />
          <XAxis
            type="number"
            tickFormatter={(v: number) => formatPercent(v)}
            tick={{ fill: "#374151", fontSize: 12 }}
          />
          <YAxis type="category" dataKey="policy" width={130} tick={{ fill: "#374151", fontSize: 12 }} />
          <Tooltip formatter={(v) => formatPercent(Number(v))} />
          <Bar dataKey="rate" name="Trigger rate" fill="#1d4ed8" maxBarSize={36} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
