"use client";
import { Card } from "../ui/card";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";
import { RangePicker } from "../filters/range-picker";
import { TeamFilter } from "../filters/team-filter";
import { useRangeAndTeam } from "../filters/use-range-and-team";
import { useGetDashboardSummary } from "@/hooks/use-get-dashboard-summary";
import { bucketFor, carryQuery, describeRange } from "@/lib/time-range";
import { GatewayHealth } from "./gateway-health";
import { PolicyRates } from "./policy-rates";
import { RequestsByAction } from "./requests-by-action";
import { SpendVsBudget } from "./spend-vs-budget";
import { StatTiles } from "./stat-tiles";

/** Traffic, policy decisions, spend and gateway health for one range and team, all kept in the URL. */
export function DashboardView() {
  const { range, team, query, setRange, setTeam } = useRangeAndTeam("24h");
  const summary = useGetDashboardSummary(query);
  const retry = () => void summary.refetch();
  const eventsHref = (extra: Record<string, string>) => `/events?${carryQuery(range, team, extra)}`;
  return (
    <>
      <div className="filter-bar" role="group" aria-label="Dashboard filters">
        <RangePicker value={range} onChange={setRange} />
        <TeamFilter value={team} onChange={setTeam} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        Showing {describeRange(range)}
        {team ? " for one team" : " for all teams"}.
      </p>
      {summary.isPending ? (
        <Skeleton lines={3} label="Loading the headline numbers" />
      ) : summary.error ? (
        <Card>
          <ErrorState error={summary.error} title="The dashboard summary could not be loaded" onRetry={retry} />
        </Card>
      ) : (
        <div data-testid="dashboard-summary">
          <StatTiles summary={summary.data} />
        </div>
      )}
      <RequestsByAction query={query} bucket={bucketFor(range)} />
      <div className="data-grid">
        <PolicyRates
          summary={summary.data}
          isPending={summary.isPending}
          error={summary.error}
          onRetry={retry}
          eventsHref={eventsHref}
        />
        <SpendVsBudget team={team} />
        <GatewayHealth summary={summary.data} isPending={summary.isPending} error={summary.error} onRetry={retry} />
      </div>
    </>
  );
}
