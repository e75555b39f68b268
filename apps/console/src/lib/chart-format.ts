/** Axis and table labels for chart buckets, in the browser's zone (buckets are UTC hours or days). */
export function formatBucket(ts: string, bucket: "hour" | "day", locale = "en-US"): string {
  const d = new Date(ts);
  if (bucket === "hour") {
    return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false }).format(d);
  }
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(d);
}
