/** The time ranges the data views offer, kept in the URL (`?range=7d` or `?range=custom&from=…&to=…`). */
export const RANGE_PRESETS = ["24h", "7d", "30d", "90d"] as const;
export type TRangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_LABEL: Record<TRangePreset | "custom", string> = {
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  "90d": "Last 90 days",
  custom: "Custom",
};

export type TTimeRange =
  | { kind: "preset"; preset: TRangePreset }
  /** Calendar days (YYYY-MM-DD) in the browser's time zone, both included. */
  | { kind: "custom"; from: string; to: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isPreset(value: string | null): value is TRangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(value ?? "");
}

export function rangeFromParams(params: URLSearchParams, fallback: TRangePreset): TTimeRange {
  const range = params.get("range");
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  if (range === "custom" && DAY.test(from) && DAY.test(to) && from <= to) return { kind: "custom", from, to };
  return { kind: "preset", preset: isPreset(range) ? range : fallback };
}

export function rangeToParams(range: TTimeRange): Record<string, string | undefined> {
  if (range.kind === "preset") return { range: range.preset, from: undefined, to: undefined };
  return { range: "custom", from: range.from, to: range.to };
}

/** What the API reads: a duration (stable, so query keys do not change every render) or ISO instants. */
export function rangeToQuery(range: TTimeRange): { since: string; until?: string } {
  if (range.kind === "preset") return { since: range.preset };
  const since = new Date(`${range.from}T00:00:00`);
  const until = new Date(`${range.to}T00:00:00`);
  until.setDate(until.getDate() + 1);
  return { since: since.toISOString(), until: until.toISOString() };
}

const HOURS: Record<TRangePreset, number> = { "24h": 24, "7d": 168, "30d": 720, "90d": 2160 };

export function rangeHours(range: TTimeRange): number {
  if (range.kind === "preset") return HOURS[range.preset];
  const { since, until } = rangeToQuery(range);
  return (new Date(until ?? Date.now()).getTime() - new Date(since).getTime()) / 3_600_000;
}

/** Hourly points up to two days, daily beyond (the dashboard summary's own rule). */
export function bucketFor(range: TTimeRange): "hour" | "day" {
  return rangeHours(range) <= 48 ? "hour" : "day";
}

export function describeRange(range: TTimeRange): string {
  if (range.kind === "preset") return RANGE_LABEL[range.preset].toLowerCase();
  return range.from === range.to ? `on ${range.from}` : `from ${range.from} to ${range.to}`;
}

/** A link's query string carrying the current range and team to another data view, plus `extra` filters. */
export function carryQuery(range: TTimeRange, team: string | undefined, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...rangeToParams(range), team, ...extra })) if (v) params.set(k, v);
  return params.toString();
}
