import {
  ESCALATION_DEFAULT_PRIORITY,
  ESCALATION_SLA_MINUTES,
  PRIORITIES,
  type TPolicyDecision,
  type TPriority,
} from "@kt/contract";

/** What an escalated event raises: one escalation per policy that asked for review. */
export type TEscalationDraft = {
  eventId: string;
  teamId: string | null;
  gatewayId: string;
  policy: string;
  reason: string;
  priority: TPriority;
  dueAt: string;
};

type TEventForEscalation = {
  id: string;
  ts: string;
  team_id: string | null;
  gateway_id: string;
  action: string;
  decisions: unknown[];
};

function priorityOf(d: TPolicyDecision): TPriority {
  const given = String(d.details?.priority ?? "").toUpperCase();
  return (PRIORITIES as readonly string[]).includes(given)
    ? (given as TPriority)
    : ESCALATION_DEFAULT_PRIORITY[d.type];
}

/**
 * Escalations for one event: each triggered decision whose action is `escalate` (a quality score under min_score,
 * or any policy set to escalate). An event marked escalated without such a decision still raises one, so nothing
 * that asked for review is lost. The SLA runs from the event's time.
 */
export function escalationsFor(e: TEventForEscalation): TEscalationDraft[] {
  const decisions = (e.decisions as TPolicyDecision[]).filter((d) => d.triggered && d.action === "escalate");
  const raised = new Map<string, TEscalationDraft>();
  for (const d of decisions) {
    if (raised.has(d.policy)) continue;
    const priority = priorityOf(d);
    raised.set(d.policy, draft(e, d.policy, d.reason ?? `${d.type} asked for a human review`, priority));
  }
  if (raised.size === 0 && e.action === "escalated")
    raised.set("", draft(e, "unspecified", "The gateway marked this request for review", "P3"));
  return [...raised.values()];
}

function draft(
  e: TEventForEscalation,
  policy: string,
  reason: string,
  priority: TPriority,
): TEscalationDraft {
  const dueAt = new Date(Date.parse(e.ts) + ESCALATION_SLA_MINUTES[priority] * 60_000).toISOString();
  return {
    eventId: e.id,
    teamId: e.team_id,
    gatewayId: e.gateway_id,
    policy,
    reason: reason.slice(0, 2000),
    priority,
    dueAt,
  };
}
