import type { TEventGroup } from "@kt/contract";

export type TPivotRow = { ts: string } & Record<string, number | string>;
export type TPivot = { rows: TPivotRow[]; series: string[] };

type TPivotInput = {
  groups: readonly TEventGroup[];
  /** "day" or "hour": the group key holding the bucket's ISO start. */
  bucket: "day" | "hour";
  /** The group key whose values become series (action, team, model…). */
  seriesKey: string;
  value: (g: TEventGroup) => number;
  since: string;
  until: string;
  /** Keep the largest N series and sum the rest into "Other". */
  top?: number;
  /** Series always present (in this order), e.g. the four actions. */
  fixedSeries?: readonly string[];
};

const STEP_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/** Every bucket start (UTC) from `since` to `until`, so quiet hours show as zero instead of vanishing. */
export function bucketStarts(since: string, until: string, bucket: "day" | "hour"): string[] {
  const step = STEP_MS[bucket];
  const start = Math.floor(new Date(since).getTime() / step) * step;
  const end = new Date(until).getTime();
  const out: string[] = [];
  for (let t = start; t < end && out.length < 5000; t += step) out.push(new Date(t).toISOString());
  return out;
}

/** A series' label: the group's label (a name for ids) or its key; events without a value are "(none)". */
export function seriesLabel(g: TEventGroup, key: string): string {
  return g.labels[key] ?? g.key[key] ?? "(none)";
}

/** Turns `group_by=<bucket>,<series>` groups into one chart row per bucket with a column per series. */
export function pivotGroups(input: TPivotInput): TPivot {
  const totals = new Map<string, number>();
  for (const g of input.groups) {
    const s = seriesLabel(g, input.seriesKey);
    totals.set(s, (totals.get(s) ?? 0) + input.value(g));
  }
  let series = input.fixedSeries
    ? [...input.fixedSeries]
    : [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  const top = input.top ?? Number.POSITIVE_INFINITY;
  const kept = new Set(series.slice(0, top));
  const hasOther = series.length > top;
  series = [...kept, ...(hasOther ? ["Other"] : [])];

  const rows = new Map<number, TPivotRow>();
  for (const ts of bucketStarts(input.since, input.until, input.bucket)) rows.set(Date.parse(ts), emptyRow(ts, series));
  for (const g of input.groups) {
    const ts = g.key[input.bucket];
    if (!ts) continue;
    const at = Date.parse(ts);
    const row = rows.get(at) ?? emptyRow(new Date(at).toISOString(), series);
    rows.set(at, row);
    const label = seriesLabel(g, input.seriesKey);
    const column = kept.has(label) ? label : "Other";
    row[column] = Number(row[column] ?? 0) + input.value(g);
  }
  return { rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r), series };
}

function emptyRow(ts: string, series: readonly string[]): TPivotRow {
  const row: TPivotRow = { ts };
  for (const s of series) row[s] = 0;
  return row;
}
