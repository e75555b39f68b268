/** Month-end spend projected from the month so far, at the average daily rate since the 1st (UTC, as budgets are). */
export type TForecast = {
  spentUsd: number;
  forecastUsd: number;
  /** Share of the month elapsed (0..1). */
  elapsed: number;
  daysInMonth: number;
  /** Under two days of data: the projection swings widely, say so rather than alarm anyone. */
  lowConfidence: boolean;
};

export function monthEndForecast(spentUsd: number, now: Date = new Date()): TForecast {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const daysInMonth = Math.round((end - start) / 86_400_000);
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
  const elapsedDays = elapsed * daysInMonth;
  // Within the first hour, divide by an hour rather than by almost nothing.
  const forecastUsd = spentUsd / Math.max(elapsed, 1 / (daysInMonth * 24));
  return { spentUsd, forecastUsd, elapsed, daysInMonth, lowConfidence: elapsedDays < 2 };
}

/** Whether the projection crosses a limit, and by how much (null when there is no limit). */
export function forecastOverrun(forecastUsd: number, limitUsd: number | null): number | null {
  if (limitUsd === null) return null;
  return forecastUsd - limitUsd;
}
