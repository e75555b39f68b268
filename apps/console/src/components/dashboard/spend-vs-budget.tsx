"use client";
import type { TBudget } from "@kt/contract";
import dynamic from "next/dynamic";
import { useListBudgets } from "@/hooks/use-list-budgets";
import { formatCurrency, formatPercent } from "@/lib/format";
import { ChartCard } from "../charts/chart-card";
import { ChartLoading } from "../charts/chart-loading";
import { ButtonLink } from "../ui/button";
import { Table } from "../ui/table";

const SpendVsBudgetChart = dynamic(
  () => import("./spend-vs-budget-chart").then((m) => m.SpendVsBudgetChart),
  {
    ssr: false,
    loading: ChartLoading,
  },
);

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
      actions={
        <ButtonLink href="/cost-center" size="sm">
          Open Cost Center
        </ButtonLink>
      }
      chart={() => <SpendVsBudgetChart rows={chartRows} />}
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
        {
          key: "limit",
          header: "Budget",
          numeric: true,
          cell: (r) => (r.limitUsd === null ? "No budget" : formatCurrency(r.limitUsd)),
        },
        {
          key: "used",
          header: "Used",
          numeric: true,
          cell: (r) => (r.percentUsed === null ? "—" : formatPercent(r.percentUsed / 100)),
        },
      ]}
    />
  );
}
