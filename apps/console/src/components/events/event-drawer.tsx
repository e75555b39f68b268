"use client";
import type { TEventRecord, TPolicyDecision } from "@kt/contract";
import { formatDuration, formatNumber } from "@/lib/format";
import { Badge } from "../ui/badge";
import { Drawer } from "../ui/drawer";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";
import { Table } from "../ui/table";
import { Time } from "../ui/time";
import { useGetEvent } from "@/hooks/use-get-event";
import { ACTION_TONE, STATUS_TONE } from "./event-labels";
import { eventCost } from "./events-table";

/** One event: who, where, what it cost, and every policy's decision (triggered or not). */
export function EventDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const event = useGetEvent(id);
  return (
    <Drawer open={id !== null} onClose={onClose} title="Event details">
      {event.isPending ? <Skeleton lines={8} label="Loading the event" /> : null}
      {event.error ? <ErrorState error={event.error} onRetry={() => void event.refetch()} /> : null}
      {event.data ? <EventDetails event={event.data} /> : null}
    </Drawer>
  );
}

function EventDetails({ event: e }: { event: TEventRecord }) {
  return (
    <div data-testid="event-details">
      <dl className="kv">
        <dt>Action</dt>
        <dd>
          <Badge tone={ACTION_TONE[e.action]}>{e.action}</Badge>{" "}
          <Badge tone={STATUS_TONE[e.status]}>{`${e.status} · HTTP ${e.httpStatus}`}</Badge>
        </dd>
        {e.blockedBy ? (
          <>
            <dt>Blocked by</dt>
            <dd>
              {e.blockedBy.policy}: {e.blockedBy.reason}
            </dd>
          </>
        ) : null}
        <dt>Time</dt>
        <dd>
          <Time value={e.ts} />
        </dd>
        <dt>Team</dt>
        <dd>{e.teamName ?? "—"}</dd>
        <dt>Gateway</dt>
        <dd>{e.gatewayName ?? "—"}{e.configVersion !== null ? ` (config v${e.configVersion})` : ""}</dd>
        <dt>User</dt>
        <dd>{e.user ?? "—"}</dd>
        <dt>Model</dt>
        <dd>{e.provider ? `${e.provider} / ` : ""}{e.model}{e.stream ? " (streamed)" : ""}</dd>
        <dt>Tokens</dt>
        <dd>
          {formatNumber(e.promptTokens)} in, {formatNumber(e.completionTokens)} out
          {e.cachedTokens ? `, ${formatNumber(e.cachedTokens)} cached` : ""}
          {e.tokensEstimated ? " (estimated)" : ""}
        </dd>
        <dt>Cost</dt>
        <dd>{eventCost(e)}</dd>
        <dt>Latency</dt>
        <dd>
          {formatDuration(e.latencyMs)} total, {formatDuration(e.policyLatencyMs)} in policies
        </dd>
        {e.error ? (
          <>
            <dt>Error</dt>
            <dd>{e.error}</dd>
          </>
        ) : null}
        {e.promptRedacted ? (
          <>
            <dt>Prompt (redacted)</dt>
            <dd className="mono">{e.promptRedacted}</dd>
          </>
        ) : null}
        <dt>Event id</dt>
        <dd className="mono">{e.id}</dd>
      </dl>
      <Table<TPolicyDecision>
        caption={`Policy decisions (${e.decisions.length})`}
        rows={e.decisions}
        rowKey={(d) => `${d.stage}-${d.policy}`}
        columns={[
          { key: "policy", header: "Policy", cell: (d) => <span>{d.policy}<br /><small>{d.type} · {d.stage}</small></span> },
          {
            key: "result",
            header: "Decision",
            cell: (d) => (d.triggered ? <Badge tone={d.action === "log" ? "info" : "warning"}>{d.action}</Badge> : <Badge>passed</Badge>),
          },
          { key: "reason", header: "Why", cell: (d) => d.reason ?? (d.triggered ? "—" : "nothing found") },
          { key: "latency", header: "Took", numeric: true, cell: (d) => formatDuration(d.latencyUs / 1000) },
        ]}
      />
    </div>
  );
}
