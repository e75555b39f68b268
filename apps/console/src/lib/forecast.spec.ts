import { describe, expect, it } from "vitest";
import { forecastOverrun, monthEndForecast } from "./forecast";

describe("monthEndForecast", () => {
  it("projects the average daily spend to the end of a 30-day month", () => {
    const f = monthEndForecast(100, new Date("2026-06-11T00:00:00Z"));
    expect(f.daysInMonth).toBe(30);
    expect(f.elapsed).toBeCloseTo(10 / 30);
    expect(f.forecastUsd).toBeCloseTo(300);
    expect(f.lowConfidence).toBe(false);
  });

  it("flags a projection from under two days of data", () => {
    const f = monthEndForecast(5, new Date("2026-02-01T12:00:00Z"));
    expect(f.daysInMonth).toBe(28);
    expect(f.forecastUsd).toBeCloseTo(5 * 56);
    expect(f.lowConfidence).toBe(true);
  });

  it("does not divide by zero at the first instant of the month", () => {
    const f = monthEndForecast(1, new Date("2026-03-01T00:00:00Z"));
    expect(Number.isFinite(f.forecastUsd)).toBe(true);
    expect(f.forecastUsd).toBeCloseTo(31 * 24);
  });

  it("equals spend at the end of the month", () => {
    const f = monthEndForecast(42, new Date("2026-03-31T23:59:59.999Z"));
    expect(f.forecastUsd).toBeCloseTo(42, 3);
  });
});

describe("forecastOverrun", () => {
  it("is null without a limit and signed otherwise", () => {
    expect(forecastOverrun(120, null)).toBeNull();
    expect(forecastOverrun(120, 100)).toBe(20);
    expect(forecastOverrun(80, 100)).toBe(-20);
  });
});
