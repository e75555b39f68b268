import { describe, expect, it } from "vitest";
import {
  formatAbsoluteTime,
  formatCompact,
  formatCurrency,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRelativeTime,
} from "./format";

describe("format", () => {
  it("formats currency, keeping sub-cent costs distinguishable from zero", () => {
    expect(formatCurrency(1234.5)).toBe("$1,234.50");
    expect(formatCurrency(0.0042)).toBe("$0.0042");
    expect(formatCurrency(0)).toBe("$0.00");
    expect(formatCurrency(12, "EUR", "de-DE")).toBe("12,00\u00a0€");
  });

  it("groups thousands and abbreviates for tiles", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatCompact(1_234_567)).toBe("1.2M");
    expect(formatPercent(0.125)).toBe("12.5%");
  });

  it("formats durations from microseconds to minutes", () => {
    expect(formatDuration(0.25)).toBe("250 µs");
    expect(formatDuration(3.21)).toBe("3.2 ms");
    expect(formatDuration(1500)).toBe("1.5 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
  });

  it("writes absolute times with their zone", () => {
    const at = "2026-03-14T08:41:07Z";
    expect(formatAbsoluteTime(at, "UTC")).toBe("Mar 14, 2026, 08:41:07 UTC");
    expect(formatAbsoluteTime(at, "Europe/Paris")).toBe("Mar 14, 2026, 09:41:07 GMT+1");
  });

  it("writes relative times in both directions", () => {
    const now = new Date("2026-03-14T12:00:00Z");
    expect(formatRelativeTime("2026-03-14T11:57:00Z", now)).toBe("3 minutes ago");
    expect(formatRelativeTime("2026-03-14T14:00:00Z", now)).toBe("in 2 hours");
    expect(formatRelativeTime("2026-03-13T12:00:00Z", now)).toBe("yesterday");
    expect(formatRelativeTime("2026-03-14T12:00:00Z", now)).toBe("now");
  });
});
