"use client";
import { PRIORITIES, type TEscalation } from "@kt/contract";
import { Badge, type TBadgeTone } from "../ui/badge";
import { Button } from "../ui/button";
import { Table, type TColumn } from "../ui/table";
import { Time } from "../ui/time";
import { StatusBadge } from "../admin/status-badge";
import { SlaCountdown } from "./sla-countdown";

const PRIORITY_TONE: Record<TEscalation["priority"], TBadgeTone> = {
  P1: "danger",
  P2: "warning",
  P3: "info",
  P4: "neutral",
};

/** Priority first, then the one due soonest. */
export function byPriority(a: TEscalation, b: TEscalation): number {
  const p = PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority);
  return p !== 0 ? p : a.dueAt.localeCompare(b.dueAt);
}

type TProps = {
  items: readonly TEscalation[];
  names: Map<string, string>;
  meId: string;
  onOpen: (e: TEscalation) => void;
};

export function EscalationsTable({ items, names, meId, onOpen }: TProps) {
  const columns: TColumn<TEscalation>[] = [
    {
      key: "priority",
      header: "Priority",
      cell: (e) => <Badge tone={PRIORITY_TONE[e.priority]}>{e.priority}</Badge>,
    },
    { key: "sla", header: "SLA", cell: (e) => <SlaCountdown escalation={e} /> },
    { key: "policy", header: "Policy", cell: (e) => <strong>{e.policy}</strong> },
    { key: "reason", header: "Reason", cell: (e) => e.reason },
    { key: "status", header: "Status", cell: (e) => <StatusBadge status={e.status} /> },
    {
      key: "assignee",
      header: "Assignee",
      cell: (e) =>
        e.assigneeId === null ? (
          <span className="muted">unassigned</span>
        ) : e.assigneeId === meId ? (
          "You"
        ) : (
          (names.get(e.assigneeId) ?? "a member")
        ),
    },
    { key: "raised", header: "Raised", cell: (e) => <Time value={e.createdAt} compact /> },
    {
      key: "open",
      header: "Details",
      cell: (e) => (
        <Button
          size="sm"
          onClick={() => onOpen(e)}
          aria-label={`Open the ${e.priority} escalation of ${e.policy}`}
        >
          Open
        </Button>
      ),
    },
  ];
  return (
    <Table
      caption="Escalations by priority, then by SLA due time"
      columns={columns}
      rows={[...items].sort(byPriority)}
      rowKey={(e) => e.id}
    />
  );
}
