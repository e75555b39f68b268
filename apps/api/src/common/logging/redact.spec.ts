import { describe, expect, it } from "vitest";
import { scrubRequest, scrubSecrets } from "./redact";

describe("scrubSecrets", () => {
  it("masks kt secrets and JWTs, keeping their kind", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    expect(scrubSecrets(`/v1/me?t=kt_api_AbC123xyz_-987654321&jwt=${jwt}`)).toBe(
      "/v1/me?t=kt_api_[redacted]&jwt=[redacted-jwt]",
    );
    expect(scrubSecrets("kt_gw_0123456789abcdef and kt_inv_0123456789abcdef")).toBe(
      "kt_gw_[redacted] and kt_inv_[redacted]",
    );
  });

  it("leaves display prefixes and ordinary text alone", () => {
    expect(scrubSecrets("token kt_api_abc123 (prefix)")).toBe("token kt_api_abc123 (prefix)");
    expect(scrubSecrets("/v1/teams?archived=true")).toBe("/v1/teams?archived=true");
  });

  it("scrubs a serialized request's URL and query", () => {
    const req = scrubRequest({
      id: "r1",
      url: "/v1/x?k=kt_api_0123456789abcdef",
      query: { k: "kt_api_0123456789abcdef", n: "1" },
    });
    expect(req).toEqual({
      id: "r1",
      url: "/v1/x?k=kt_api_[redacted]",
      query: { k: "kt_api_[redacted]", n: "1" },
    });
  });
});
