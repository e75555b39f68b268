"use client";
import { BUDGET_ALERT_THRESHOLDS, type TBudget } from "@kt/contract";
import { useListBudgets } from "@/hooks/use-list-budgets";
import { forecastOverrun, monthEndForecast } from "@/lib/forecast";
import { formatCurrency } from "@/lib/format";
import { Badge } from "../ui/badge";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";
import { Table } from "../ui/table";

function level(percent: number | null): "ok" | "warning" | "danger" {
  if (percent === null || percent < 80) return "ok";
  return percent < 100 ? "warning" : "danger";
}

/** Spent against the limit, with a mark at each alert threshold (50, 80, 100 %). */
function Meter({ b }: { b: TBudget }) {
  if (b.limitUsd === null) return <span>No budget</span>;
  const pct = b.percentUsed ?? 0;
  return (
    <div
      className="meter"
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(100, pct)}
      aria-label={`${b.teamName}: ${pct.toFixed(1)}% of the budget used`}
    >
      <div className="meter-fill" data-level={level(pct)} style={{ width: `${Math.min(100, pct)}%` }} />
      {BUDGET_ALERT_THRESHOLDS.filter((t) => t < 100).map((t) => (
        <span key={t} className="meter-mark" style={{ left: `${t}%` }} />
      ))}
    </div>
  );
}

function Forecast({ b }: { b: TBudget }) {
  const f = monthEndForecast(b.spentUsd);
  const over = forecastOverrun(f.forecastUsd, b.limitUsd);
  return (
    <span>
      {formatCurrency(f.forecastUsd)}
      {over !== null && over > 0 ? (
        <>
          {" "}
          <Badge tone="danger">{`over by ${formatCurrency(over)}`}</Badge>
        </>
      ) : null}
      {f.lowConfidence ? <small> (early in the month)</small> : null}
    </span>
  );
}

/** Every team's budget this month: limit (API or cost_limit policy), spend, alerts fired and the month-end forecast. */
export function BudgetsPanel({ team }: { team: string | undefined }) {
  const budgets = useListBudgets();
  const rows = (budgets.data?.items ?? []).filter((b) => !team || b.teamId === team);
  return (
    <Card title={`Budgets against actual spend${budgets.data ? `, ${budgets.data.period} (UTC)` : ""}`}>
      {budgets.isPending ? <Skeleton lines={4} label="Loading budgets" /> : null}
      {budgets.error ? <ErrorState error={budgets.error} onRetry={() => void budgets.refetch()} /> : null}
      {budgets.data && rows.length === 0 ? (
        <EmptyState title="No team yet" action={<ButtonLink href="/settings/teams">Go to teams</ButtonLink>}>
          Budgets are kept per team. Create a team and route its gateway traffic to see spend against budget.
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <div data-testid="budgets-ready">
          <Table<TBudget>
            caption="Limits are the lower of the team's budget and its cost_limit policies; alerts fire at 50, 80 and 100 %."
            rows={rows}
            rowKey={(b) => b.teamId}
            columns={[
              { key: "team", header: "Team", cell: (b) => b.teamName },
              { key: "spent", header: "Spent", numeric: true, cell: (b) => formatCurrency(b.spentUsd) },
              {
                key: "limit",
                header: "Budget",
                numeric: true,
                cell: (b) =>
                  b.limitUsd === null ? "—" : (
                    <span title={b.policyLimitUsd !== null && b.policyLimitUsd === b.limitUsd ? "from a cost_limit policy" : "set in the API"}>
                      {formatCurrency(b.limitUsd)}
                    </span>
                  ),
              },
              { key: "meter", header: "Used", cell: (b) => <Meter b={b} /> },
              { key: "pct", header: "%", numeric: true, cell: (b) => (b.percentUsed === null ? "—" : `${b.percentUsed.toFixed(1)}%`) },
              { key: "forecast", header: "Month-end forecast", numeric: true, cell: (b) => <Forecast b={b} /> },
              {
                key: "alerts",
                header: "Alerts this month",
                cell: (b) =>
                  b.alertsFired.length === 0
                    ? "none"
                    : b.alertsFired.map((t) => (
                        <Badge key={t} tone={t >= 100 ? "danger" : "warning"}>{`${t}% reached`}</Badge>
                      )),
              },
              {
                key: "unpriced",
                header: "Not counted",
                cell: (b) => (b.unpricedRequests > 0 ? <Badge tone="warning">{`${b.unpricedRequests} unpriced requests`}</Badge> : "—"),
              },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}
