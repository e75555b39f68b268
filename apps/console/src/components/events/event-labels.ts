import type { TEventAction, TEventStatus } from "@kt/contract";
import type { TBadgeTone } from "../ui/badge";

export const ACTION_TONE: Record<TEventAction, TBadgeTone> = {
  allowed: "success",
  redacted: "info",
  blocked: "danger",
  escalated: "warning",
};

export const STATUS_TONE: Record<TEventStatus, TBadgeTone> = { success: "success", blocked: "danger", error: "warning" };

/** The filters `GET /v1/events` reads, in the order the filter bar shows them; all kept in the URL. */
export const TEXT_FILTERS = [
  { key: "provider", label: "Provider", placeholder: "openai" },
  { key: "model", label: "Model", placeholder: "gpt-4o" },
  { key: "user", label: "User", placeholder: "ana@example.com" },
  { key: "policy", label: "Policy", placeholder: "pii-detector" },
] as const;
