"use client";
import { useCan } from "../shell/session-context";
import { RangePicker } from "../filters/range-picker";
import { TeamFilter } from "../filters/team-filter";
import { useRangeAndTeam } from "../filters/use-range-and-team";
import { bucketFor, describeRange } from "@/lib/time-range";
import { BudgetsPanel } from "./budgets-panel";
import { CostExportButton } from "./cost-export-button";
import { MonthForecast } from "./month-forecast";
import { SpendOverTime } from "./spend-over-time";
import { UnpricedModels } from "./unpriced-models";

/** Spend by team, user, model and provider over the range; budgets, forecast and unknown prices for this month. */
export function CostCenterView() {
  const { range, team, query, setRange, setTeam } = useRangeAndTeam("30d");
  const canExport = useCan("exports:create");
  return (
    <>
      <div className="filter-bar" role="group" aria-label="Cost Center filters">
        <RangePicker value={range} onChange={setRange} />
        <TeamFilter value={team} onChange={setTeam} />
        {canExport ? <CostExportButton query={query} description={`Cost Center export, ${describeRange(range)}`} /> : null}
      </div>
      <MonthForecast team={team} />
      <BudgetsPanel team={team} />
      <UnpricedModels />
      <SpendOverTime query={query} bucket={bucketFor(range)} />
    </>
  );
}
