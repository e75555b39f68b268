"use client";
import type { GATEWAY_HEALTH } from "@kt/contract";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";

type THealth = (typeof GATEWAY_HEALTH)[number];
export type THealthCount = { health: THealth; label: string; count: number };

const HEALTH_COLOR: Record<THealth, string> = {
  healthy: "#15803d",
  stale: "#b45309",
  offline: "#b91c1c",
  never: "#4b5563",
};

/** Gateways per health state as bars (loaded lazily with recharts). */
export function GatewayHealthChart({ counts }: { counts: THealthCount[] }) {
  return (
    <div
      role="img"
      aria-label={counts.map((c) => `${c.label}: ${c.count}`).join(", ")}
      style={{ height: "100%" }}
    >
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
  );
}
