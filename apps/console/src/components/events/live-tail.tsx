"use client";
import type { TStreamState } from "@/hooks/use-event-stream";
import { Badge, type TBadgeTone } from "../ui/badge";

const STATE: Record<TStreamState, { label: string; tone: TBadgeTone }> = {
  off: { label: "Off", tone: "neutral" },
  connecting: { label: "Connecting…", tone: "info" },
  live: { label: "Live", tone: "success" },
  reconnecting: { label: "Reconnecting…", tone: "warning" },
};

/** A switch that follows new events as they arrive (Server-Sent Events through the Console's proxy). */
export function LiveTailSwitch({ on, state, onToggle }: { on: boolean; state: TStreamState; onToggle: () => void }) {
  return (
    <div style={{ display: "flex", alignItems: "center", gap: "0.5rem" }}>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        className={`btn btn-sm ${on ? "btn-primary" : "btn-secondary"}`}
        onClick={onToggle}
      >
        Live tail
      </button>
      <span aria-live="polite" data-testid="live-tail-state">
        <Badge tone={STATE[state].tone}>{STATE[state].label}</Badge>
      </span>
    </div>
  );
}
