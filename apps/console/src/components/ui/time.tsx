"use client";
import { useEffect, useState } from "react";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/format";

/**
 * "3 minutes ago", with the absolute time and zone beside it (or in its tooltip when compact).
 * The relative part is computed after mount so server and browser clocks cannot disagree during hydration.
 */
export function Time({ value, compact = false }: { value: string | Date; compact?: boolean }) {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const iso = typeof value === "string" ? value : value.toISOString();
  // Before mount, UTC: the server's zone may differ from the browser's, and hydration must match.
  if (!now) return <time dateTime={iso}>{formatAbsoluteTime(value, "UTC")}</time>;
  const absolute = formatAbsoluteTime(value);
  const relative = formatRelativeTime(value, now);
  if (compact) {
    return (
      <time dateTime={iso} title={absolute}>
        {relative}
      </time>
    );
  }
  return (
    <time dateTime={iso}>
      {relative} <span style={{ color: "var(--text-muted)" }}>({absolute})</span>
    </time>
  );
}
