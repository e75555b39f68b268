import type { TEventAction } from "@kt/contract";

/** Action colours, each at least 4.5:1 against white so legends and labels stay readable. */
export const ACTION_COLOR: Record<TEventAction, string> = {
  allowed: "#15803d",
  redacted: "#6d28d9",
  blocked: "#b91c1c",
  escalated: "#b45309",
};

/** Series colours for team/user/model/provider breakdowns, distinguishable and dark enough on white. */
export const SERIES_COLORS = ["#1d4ed8", "#b45309", "#15803d", "#6d28d9", "#be123c", "#0e7490", "#4d7c0f", "#475569"];

export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? "#475569";
}
