"use client";
import type { TBudget } from "@kt/contract";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useListBudgets } from "@/hooks/use-list-budgets";
import { formatCurrency, formatPercent } from "@/lib/format";
import { ChartCard } from "../charts/chart-card";
import { ButtonLink } from "../ui/button";
import { Table } from "../ui/table";

/** This calendar month's spend per team against its limit (budgets are monthly, whatever the range). */
export function SpendVsBudget({ team }: { team: string | undefined }) {
  const budgets = useListBudgets();
  const rows = (budgets.data?.items ?? []).filter((b) => !team || b.teamId === team);
  const chartRows = rows.map((b) => ({ name: b.teamName, spent: b.spentUsd, limit: b.limitUsd ?? 0 }));
  return (
    <ChartCard
      title={`Spend this month against budgets${budgets.data ? ` (${budgets.data.period})` : ""}`}
      testId="chart-spend-vs-budget"
      isPending={budgets.isPending}
      error={budgets.error}
      onRetry={() => void budgets.refetch()}
      isEmpty={rows.length === 0}
      empty={{
        title: "No team to show",
        body: "Budgets are kept per team. Create a team and route a gateway to it to see its spend against its budget.",
        action: <ButtonLink href="/settings/teams">Go to teams</ButtonLink>,
      }}
      actions={<ButtonLink href="/cost-center" size="sm">Open Cost Center</ButtonLink>}
      chart={() => (
        <div role="img" aria-label="Spend and budget per team this month; use Show table for the numbers." style={{ height: "100%" }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={chartRows} margin={{ top: 8, right: 8 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e5e7eb" />
              <XAxis dataKey="name" tick={{ fill: "#374151", fontSize: 12 }} />
              <YAxis tickFormatter={(v: number) => formatCurrency(v).replace(/\.00$/, "")} tick={{ fill: "#374151", fontSize: 12 }} width={72} />
              <Tooltip formatter={(v) => formatCurrency(Number(v))} />
              <Legend wrapperStyle={{ color: "#111827", fontSize: 13 }} />
              <Bar dataKey="spent" name="Spent" fill="#1d4ed8" isAnimationActive={false} />
              <Bar dataKey="limit" name="Budget" fill="#9ca3af" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      table={() => <BudgetNumbers rows={rows} />}
    />
  );
}

function BudgetNumbers({ rows }: { rows: TBudget[] }) {
  return (
    <Table<TBudget>
      caption="Spend and budget per team this month"
      rows={rows}
      rowKey={(r) => r.teamId}
      columns={[
        { key: "team", header: "Team", cell: (r) => r.teamName },
        { key: "spent", header: "Spent", numeric: true, cell: (r) => formatCurrency(r.spentUsd) },
        { key: "limit", header: "Budget", numeric: true, cell: (r) => (r.limitUsd === null ? "No budget" : formatCurrency(r.limitUsd)) },
        { key: "used", header: "Used", numeric: true, cell: (r) => (r.percentUsed === null ? "—" : formatPercent(r.percentUsed / 100)) },
      ]}
    />
  );
}
