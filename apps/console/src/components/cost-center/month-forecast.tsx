"use client";
import { useListBudgets } from "@/hooks/use-list-budgets";
import { forecastOverrun, monthEndForecast } from "@/lib/forecast";
import { formatCurrency, formatPercent } from "@/lib/format";

/** This month so far and where it ends at the current daily rate, against the sum of the teams' budgets. */
export function MonthForecast({ team }: { team: string | undefined }) {
  const budgets = useListBudgets();
  if (!budgets.data) return null;
  const rows = budgets.data.items.filter((b) => !team || b.teamId === team);
  const spent = rows.reduce((s, b) => s + b.spentUsd, 0);
  const limited = rows.filter((b) => b.limitUsd !== null);
  const limit = limited.length ? limited.reduce((s, b) => s + (b.limitUsd ?? 0), 0) : null;
  const f = monthEndForecast(spent);
  const over = forecastOverrun(f.forecastUsd, limit);
  return (
    <ul className="stat-tiles" aria-label="This month" style={{ listStyle: "none", padding: 0, margin: 0 }} data-testid="month-forecast">
      <li className="stat-tile">
        <p className="stat-tile-label">Spent this month</p>
        <p className="stat-tile-value">{formatCurrency(spent)}</p>
        <p className="stat-tile-note">{formatPercent(f.elapsed)} of {budgets.data.period} elapsed (UTC)</p>
      </li>
      <li className="stat-tile">
        <p className="stat-tile-label">Month-end forecast</p>
        <p className="stat-tile-value">{formatCurrency(f.forecastUsd)}</p>
        <p className="stat-tile-note">
          {f.lowConfidence ? "early in the month: a rough projection" : "at the average daily rate so far"}
        </p>
      </li>
      <li className="stat-tile">
        <p className="stat-tile-label">Budgets</p>
        <p className="stat-tile-value">{limit === null ? "None set" : formatCurrency(limit)}</p>
        <p className="stat-tile-note">
          {over === null ? "set a budget per team to be alerted" : over > 0 ? `forecast ${formatCurrency(over)} over` : `forecast ${formatCurrency(-over)} under`}
        </p>
      </li>
    </ul>
  );
}
