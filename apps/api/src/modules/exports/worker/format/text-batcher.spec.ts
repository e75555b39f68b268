import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { TextBatcher } from "./text-batcher";

describe("TextBatcher", () => {
  it("keeps every byte in order across batch edges, multi-byte characters and pieces larger than a batch", async () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `row ${i}, naïve “quotes” ✓ ${"x".repeat(i % 97)}\r\n`);
    pieces.splice(2500, 0, "€".repeat(40_000));
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.from(pieces).pipe(new TextBatcher())) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(pieces.join(""));
    expect(chunks.length).toBeLessThan(40);
  });
});
