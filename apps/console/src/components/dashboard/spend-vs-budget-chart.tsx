"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCurrency } from "@/lib/format";

export type TSpendRow = { name: string; spent: number; limit: number };

/** Spend and limit per team as paired bars (loaded lazily with recharts). */
export function SpendVsBudgetChart({ rows }: { rows: TSpendRow[] }) {
  return (
    <div
      role="img"
      aria-label="Spend and budget per team this month; use Show table for the numbers."
      style={{ height: "100%" }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
          <XAxis dataKey="name" tick={{ fill: "#374151", fontSize: 12 }} />
          <YAxis
            tickFormatter={(v: number) => formatCurrency(v).replace(/\.00$/, "")}
            tick={{ fill: "#374151", fontSize: 12 }}
            width={72}
          />
          <Tooltip formatter={(v) => formatCurrency(Number(v))} />
          <Legend wrapperStyle={{ color: "#111827", fontSize: 13 }} />
          <Bar dataKey="spent" name="Spent" fill="#1d4ed8" isAnimationActive={false} />
          <Bar dataKey="limit" name="Budget" fill="#9ca3af" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
