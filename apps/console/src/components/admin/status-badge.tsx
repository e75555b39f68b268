import { Badge, type TBadgeTone } from "../ui/badge";

const TONES: Record<string, TBadgeTone> = {
  active: "success",
  healthy: "success",
  approved: "success",
  accepted: "success",
  stale: "warning",
  expired: "warning",
  pending: "info",
  open: "info",
  down: "danger",
  revoked: "danger",
  rejected: "danger",
  disabled: "neutral",
};

/** A status word with a colour that says whether it needs attention; the word itself carries the meaning. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? "neutral"}>{status}</Badge>;
}
