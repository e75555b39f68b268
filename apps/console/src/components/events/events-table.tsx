"use client";
import type { TEventRecord } from "@kt/contract";
import { formatCurrency, formatDuration, formatNumber } from "@/lib/format";
import { Badge } from "../ui/badge";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";
import { ACTION_TONE } from "./event-labels";

type TProps = { caption: string; events: readonly TEventRecord[]; onOpen: (event: TEventRecord) => void };

export function eventCost(e: TEventRecord) {
  if (e.priceUnknown || e.costUsd === null) return <Badge tone="warning">price unknown</Badge>;
  return formatCurrency(e.costUsd);
}

/** Events newest first; the time opens the event's detail drawer (a button, so the keyboard reaches it). */
export function EventsTable({ caption, events, onOpen }: TProps) {
  const columns: TColumn<TEventRecord>[] = [
    {
      key: "ts",
      header: "Time",
      cell: (e) => (
        <button type="button" className="link-button" onClick={() => onOpen(e)} data-testid="event-open">
          <Time value={e.ts} compact />
          <span className="visually-hidden">, open the event&apos;s details</span>
        </button>
      ),
    },
    { key: "action", header: "Action", cell: (e) => <Badge tone={ACTION_TONE[e.action]}>{e.action}</Badge> },
    { key: "team", header: "Team", cell: (e) => e.teamName ?? "—" },
    { key: "gateway", header: "Gateway", cell: (e) => e.gatewayName ?? "—" },
    { key: "user", header: "User", cell: (e) => e.user ?? "—" },
    { key: "model", header: "Model", cell: (e) => <span>{e.provider ? `${e.provider} / ` : ""}{e.model}</span> },
    { key: "policies", header: "Policies triggered", cell: (e) => (e.triggeredPolicies.length ? e.triggeredPolicies.join(", ") : "none") },
    { key: "tokens", header: "Tokens", numeric: true, cell: (e) => formatNumber(e.promptTokens + e.completionTokens) },
    { key: "cost", header: "Cost", numeric: true, cell: eventCost },
    { key: "latency", header: "Latency", numeric: true, cell: (e) => formatDuration(e.latencyMs) },
  ];
  return (
    <div className="events-table">
      <Table caption={caption} columns={columns} rows={events} rowKey={(e) => e.id} />
    </div>
  );
}
