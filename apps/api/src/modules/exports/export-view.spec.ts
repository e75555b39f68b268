import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./export-view";
import { downloadName, readSpec, storageKey } from "./export-spec";

describe("export cursors and names", () => {
  it("round-trips a list cursor and refuses anything else", () => {
    const row = { createdAt: new Date("2026-11-23T10:00:00.123Z"), id: "0b6f1f4e-8a3c-4c4e-9a51-0d3b9f0f8a11" };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    expect(decodeCursor("nonsense")).toBeNull();
    expect(decodeCursor(Buffer.from("2026-11-23|not-an-id").toString("base64url"))).toBeNull();
  });

  it("names files by type, day and id, and keeps them per org", () => {
    const row = { id: "0b6f1f4e-8a3c-4c4e-9a51-0d3b9f0f8a11", orgId: "9d0c1c1e-1111-4111-8111-111111111111", type: "cost", format: "csv", createdAt: new Date("2026-11-23T23:59:00Z") };
    expect(downloadName(row)).toBe("kt-cost-2026-11-23-0b6f1f4e.csv");
    expect(storageKey(row)).toBe(`${row.orgId}/${row.id}.csv`);
  });

  it("reads stored settings back, and rejects corrupt ones", () => {
    const spec = readSpec({ type: "events", format: "ndjson", filters: { since: "2026-11-01T00:00:00.000Z", until: "2026-11-02T00:00:00.000Z", provider: ["openai"], teamIds: [] } });
    expect(spec).toMatchObject({ type: "events", format: "ndjson", filters: { provider: ["openai"] }, teamIds: [] });
    expect(() => readSpec({ type: "events", format: "csv", filters: { since: "yesterday" } })).toThrow();
    expect(() => readSpec({ type: "logs", format: "csv", filters: { since: "2026-11-01T00:00:00.000Z", until: "2026-11-02T00:00:00.000Z" } })).toThrow();
  });
});
