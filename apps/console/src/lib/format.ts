/** Formatting for people: the browser's locale and time zone unless given. */

const DEFAULT_LOCALE = "en-US";

export function formatCurrency(amount: number, currency = "USD", locale = DEFAULT_LOCALE): string {
  const abs = Math.abs(amount);
  // Per-request LLM costs are often fractions of a cent; show enough digits to tell them apart from zero.
  const digits = abs > 0 && abs < 0.01 ? 4 : 2;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(amount);
}

export function formatNumber(value: number, locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** 1234567 → "1.2M": for chart axes and tiles where exact counts are shown elsewhere. */
export function formatCompact(value: number, locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** A ratio (0.125) as a percentage ("12.5%"). */
export function formatPercent(ratio: number, locale = DEFAULT_LOCALE): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

export function formatDuration(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "14 Mar 2026, 09:41:07 CET": absolute time with its zone, so a screenshot is unambiguous. */
export function formatAbsoluteTime(value: Date | string, timeZone?: string, locale = DEFAULT_LOCALE): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZone,
    timeZoneName: "short",
  }).format(toDate(value));
}

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.345],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "3 minutes ago", "in 2 hours". */
export function formatRelativeTime(
  value: Date | string,
  now: Date = new Date(),
  locale = DEFAULT_LOCALE,
): string {
  let amount = (toDate(value).getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return rtf.format(Math.round(amount), unit);
    amount /= size;
  }
  return rtf.format(Math.round(amount), "year");
}

function toDate(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}
