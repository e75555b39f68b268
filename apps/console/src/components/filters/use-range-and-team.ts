"use client";
import { useMemo } from "react";
import { useUrlQuery } from "@/hooks/use-url-query";
import { rangeFromParams, rangeToParams, rangeToQuery, type TRangePreset, type TTimeRange } from "@/lib/time-range";

/** The range and team every panel of a data view obeys, read from and written to the URL query. */
export function useRangeAndTeam(fallback: TRangePreset) {
  const { params, update } = useUrlQuery();
  const range = useMemo(() => rangeFromParams(params, fallback), [params, fallback]);
  const team = params.get("team") ?? undefined;
  const query = useMemo(() => ({ ...rangeToQuery(range), ...(team ? { team } : {}) }), [range, team]);
  return {
    range,
    team,
    /** `since`/`until`/`team` as the API reads them. */
    query,
    setRange: (next: TTimeRange) => update(rangeToParams(next)),
    setTeam: (next: string | undefined) => update({ team: next }),
  };
}
