import { describe, expect, it } from "vitest";
import { unsafeTextReason } from "./unsafe-text";

describe("unsafeTextReason", () => {
  it("accepts ordinary and astral text, including paired surrogates", () => {
    for (const s of ["", "plain", "Zürich", "👩🏽‍💻", "abc\u202edef", "\u{10FFFF}"])
      expect(unsafeTextReason(s)).toBeNull();
  });

  it("names NUL characters and unpaired surrogates", () => {
    expect(unsafeTextReason("a\u0000b")).toMatch(/NUL/);
    expect(unsafeTextReason("a\ud800")).toMatch(/unpaired surrogate/);
    expect(unsafeTextReason("\ud800x")).toMatch(/unpaired surrogate/);
    expect(unsafeTextReason("\udc00")).toMatch(/unpaired surrogate/);
    expect(unsafeTextReason("👍\udc00")).toMatch(/unpaired surrogate/);
  });
});
