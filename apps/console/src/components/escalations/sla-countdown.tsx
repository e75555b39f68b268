"use client";
import type { TEscalation } from "@kt/contract";
import { useEffect, useState } from "react";
import { formatAbsoluteTime } from "@/lib/format";

/** "12 min" / "3 h 5 min" / "2 d 4 h": the coarse remaining time people read at a glance. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(Math.round(Math.abs(ms) / 60_000), 0);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** Time left to the SLA, or how long it is overdue, refreshed every 30 s; the absolute due time is in the tooltip. */
export function SlaCountdown({ escalation }: { escalation: TEscalation }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const due = new Date(escalation.dueAt).getTime();
  const title = `Due ${formatAbsoluteTime(escalation.dueAt)}`;
  if (escalation.status !== "open") return <span className="muted">resolved</span>;
  if (now === null) return <span title={title}>…</span>;
  const left = due - now;
  if (escalation.overdue || left <= 0) {
    return (
      <span className="overdue" title={title} data-testid="sla-overdue">
        Overdue by {formatSpan(left)}
      </span>
    );
  }
  return <span title={title}>Due in {formatSpan(left)}</span>;
}
