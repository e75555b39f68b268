"use client";
import { useGetEvent } from "@/hooks/use-get-event";
import { formatCurrency, formatDuration, formatNumber } from "@/lib/format";
import { QueryState } from "../admin/query-state";
import { Time } from "../ui/time";

/** The request that was held: who sent what to which model, and what each policy decided. */
export function EventContext({ eventId }: { eventId: string }) {
  const event = useGetEvent(eventId);
  return (
    <QueryState query={event} loadingLabel="Loading the event" errorTitle="The event could not be loaded">
      {(e) => (
        <div className="form-stack">
          <dl className="kv">
            <dt>When</dt>
            <dd>
              <Time value={e.ts} />
            </dd>
            <dt>Team</dt>
            <dd>{e.teamName ?? "—"}</dd>
            <dt>User</dt>
            <dd>{e.user ?? "—"}</dd>
            <dt>Gateway</dt>
            <dd>{e.gatewayName ?? "—"}</dd>
            <dt>Model</dt>
            <dd>{e.provider ? `${e.provider} / ${e.model}` : e.model}</dd>
            <dt>Tokens</dt>
            <dd>
              {formatNumber(e.promptTokens)} in, {formatNumber(e.completionTokens)} out
            </dd>
            <dt>Cost</dt>
            <dd>{e.costUsd === null ? "price unknown" : formatCurrency(e.costUsd)}</dd>
            <dt>Latency</dt>
            <dd>
              {formatDuration(e.latencyMs)} (policies {formatDuration(e.policyLatencyMs)})
            </dd>
          </dl>
          {e.promptRedacted ? (
            <div>
              <h3>Prompt (as stored, redacted)</h3>
              <pre className="yaml-preview">{e.promptRedacted}</pre>
            </div>
          ) : null}
          <div>
            <h3>Policy decisions</h3>
            <ul>
              {e.decisions.map((d, i) => (
                <li key={i}>
                  <strong>{d.policy}</strong> ({d.type}, {d.stage}):{" "}
                  {d.triggered ? d.action : "not triggered"}
                  {d.reason ? ` — ${d.reason}` : ""}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </QueryState>
  );
}
