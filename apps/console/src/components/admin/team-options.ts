import type { TMe, TTeam } from "@kt/contract";

/** Teams the caller may act for: all for an admin, their own for a manager (the API enforces the same). */
export function actionableTeams(me: TMe, teams: readonly TTeam[]): TTeam[] {
  if (me.role === "admin") return [...teams];
  return teams.filter((t) => me.teamIds.includes(t.id));
}

/** An <input type="date"> value as the end of that day in the browser's zone, in ISO 8601; null when empty. */
export function endOfDayIso(date: string): string | null {
  if (!date) return null;
  const d = new Date(`${date}T23:59:59`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
