"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatBucket } from "@/lib/chart-format";
import type { TPivot } from "@/lib/pivot";

type TStackedBarsProps = {
  pivot: TPivot;
  bucket: "hour" | "day";
  color: (series: string, index: number) => string;
  formatValue: (n: number) => string;
  formatAxis: (n: number) => string;
  /** Described to screen readers; the table view carries the numbers. */
  label: string;
};

/** Bars per time bucket, stacked by series (actions, teams, models…). */
export function StackedBars({ pivot, bucket, color, formatValue, formatAxis, label }: TStackedBarsProps) {
  return (
    <div role="img" aria-label={label} style={{ width: "100%", height: "100%" }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={pivot.rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
          <XAxis
            dataKey="ts"
            tickFormatter={(ts: string) => formatBucket(ts, bucket)}
            tick={{ fill: "#374151", fontSize: 12 }}
            minTickGap={24}
          />
          <YAxis tickFormatter={formatAxis} tick={{ fill: "#374151", fontSize: 12 }} width={56} />
          <Tooltip
            labelFormatter={(ts) => formatBucket(String(ts), bucket)}
            formatter={(value) => formatValue(Number(value))}
          />
          <Legend wrapperStyle={{ color: "#111827", fontSize: 13 }} />
          {pivot.series.map((s, i) => (
            <Bar key={s} dataKey={s} stackId="a" fill={color(s, i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
