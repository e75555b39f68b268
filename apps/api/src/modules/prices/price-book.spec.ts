import { describe, expect, it } from "vitest";
import { ratesFor } from "./price-book";

describe("ratesFor", () => {
  const overrides = [
    { provider: "openai", model: "gpt-4o", input: 2, output: 8, cached: null },
    { provider: "openai", model: "gpt-4o-mini", input: 0.1, output: 0.4, cached: 0.05 },
  ];
  it("prefers the org's price, matching snapshots of the longest name", () => {
    expect(ratesFor(overrides, "openai", "gpt-4o-mini-2024-07-18")).toMatchObject({
      input: 0.1,
      source: "override",
    });
    expect(ratesFor(overrides, "openai", "gpt-4o-2024-08-06")).toMatchObject({
      input: 2,
      source: "override",
    });
  });
  it("falls back to the list table, and knows when nobody knows a price", () => {
    expect(ratesFor([], "openai", "gpt-4o")).toMatchObject({ source: "list" });
    expect(ratesFor(overrides, "openai", "my-finetune")).toBeNull();
    expect(ratesFor(overrides, null, "gpt-4o")).toBeNull();
  });
});
