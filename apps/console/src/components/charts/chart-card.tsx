"use client";
import { BarChart3, Table2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";

type TChartCardProps = {
  title: string;
  /** A testid for the card, set once data is shown (e2e and the bench wait on it). */
  testId?: string;
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
  isEmpty: boolean;
  empty: { title: string; body: ReactNode; action?: ReactNode };
  /** The chart, drawn with recharts; rendered only when there is data. */
  chart: () => ReactNode;
  /** The same numbers as a table, for screen readers, copying and people who prefer numbers. */
  table: () => ReactNode;
  actions?: ReactNode;
};

/** A chart with its loading, empty and error states, and a switch to a table of its numbers. */
export function ChartCard(props: TChartCardProps) {
  const [asTable, setAsTable] = useState(false);
  const ready = !props.isPending && !props.error && !props.isEmpty;
  const toggle = ready ? (
    <Button size="sm" variant="ghost" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
      {asTable ? <BarChart3 aria-hidden="true" size={16} /> : <Table2 aria-hidden="true" size={16} />}
      {asTable ? "Show chart" : "Show table"}
      <span className="visually-hidden"> for {props.title}</span>
    </Button>
  ) : null;
  return (
    <Card
      title={props.title}
      actions={
        <div className="chart-card-actions">
          {props.actions}
          {toggle}
        </div>
      }
    >
      <div data-testid={ready ? props.testId : undefined} data-state={chartState(props)}>
        {props.isPending ? <Skeleton lines={5} label={`Loading ${props.title.toLowerCase()}`} /> : null}
        {!props.isPending && props.error ? <ErrorState error={props.error} onRetry={props.onRetry} /> : null}
        {!props.isPending && !props.error && props.isEmpty ? (
          <EmptyState title={props.empty.title} action={props.empty.action}>
            {props.empty.body}
          </EmptyState>
        ) : null}
        {ready ? asTable ? props.table() : <div className="chart-frame">{props.chart()}</div> : null}
      </div>
    </Card>
  );
}

function chartState(p: TChartCardProps): string {
  if (p.isPending) return "loading";
  if (p.error) return "error";
  return p.isEmpty ? "empty" : "ready";
}
