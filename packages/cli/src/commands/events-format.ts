import type { TEventGroups, TEventRecord } from "@kt/contract";
import Table from "cli-table3";

const usd = (v: number) => (v === 0 ? "$0" : v < 0.01 ? `$${v.toFixed(6)}` : `$${v.toFixed(2)}`);
const ms = (v: number | null) => (v === null ? "" : v < 10 ? `${v.toFixed(2)} ms` : `${Math.round(v)} ms`);
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** What stands out about an event: the blocking policy, else the policies that triggered. */
function policyNote(e: TEventRecord): string {
  if (e.blockedBy) return `${e.blockedBy.policy}: ${e.blockedBy.reason}`.slice(0, 60);
  return e.triggeredPolicies.join(", ");
}

export function eventsTable(items: TEventRecord[]): string {
  const table = new Table({
    head: ["TIME (UTC)", "GATEWAY", "TEAM", "USER", "MODEL", "ACTION", "TOKENS", "COST", "LATENCY", "POLICY"],
  });
  for (const e of items) {
    table.push([
      e.ts.slice(0, 19).replace("T", " "),
      e.gatewayName ?? e.gatewayId ?? "",
      e.teamName ?? "",
      e.user ?? "",
      e.model,
      e.status === "error" ? `${e.action} (error ${e.httpStatus})` : e.action,
      `${e.promptTokens}/${e.completionTokens}`,
      e.priceUnknown ? "unknown" : usd(e.costUsd ?? 0),
      ms(e.latencyMs),
      policyNote(e),
    ]);
  }
  return table.toString();
}

export function groupsTable(g: TEventGroups): string {
  const table = new Table({
    head: [
      ...g.groupBy.map((k) => k.toUpperCase()),
      "REQUESTS",
      "TOKENS IN",
      "TOKENS OUT",
      "COST",
      "P50",
      "P95",
      "BLOCKED",
      "ESCALATED",
    ],
  });
  for (const row of g.groups) {
    const keys = g.groupBy.map((k) => {
      const v = row.key[k];
      if (v === null || v === undefined) return "(none)";
      if (k === "day") return v.slice(0, 10);
      if (k === "hour") return v.slice(0, 13).replace("T", " ") + ":00";
      return row.labels[k] ?? v;
    });
    const cost = row.unpricedRequests
      ? `${usd(row.costUsd)} + ${row.unpricedRequests} unpriced`
      : usd(row.costUsd);
    table.push([
      ...keys,
      row.requests,
      row.promptTokens,
      row.completionTokens,
      cost,
      ms(row.p50LatencyMs),
      ms(row.p95LatencyMs),
      pct(row.blockRate),
      pct(row.escalationRate),
    ]);
  }
  return table.toString();
}

/** One line per event for `kt events tail`. */
export function eventLine(e: TEventRecord): string {
  const who = [e.gatewayName ?? e.gatewayId, e.teamName, e.user].filter(Boolean).join(" ");
  const cost = e.priceUnknown ? "cost unknown" : usd(e.costUsd ?? 0);
  const note = policyNote(e);
  return `${e.ts.slice(11, 23)}  ${e.action.padEnd(9)} ${e.model}  ${who}  ${e.promptTokens}/${e.completionTokens} tok  ${cost}  ${ms(e.latencyMs)}${note ? `  [${note}]` : ""}`;
}
