import { describe, expect, it } from "vitest";
import { clock, MAX_CLOCK_SKEW_SECONDS } from "./doctor-checks";

describe("clock skew check", () => {
  const server = Date.parse("2026-03-01T12:00:00Z");
  const header = new Date(server).toUTCString();

  it("passes within the allowed skew, allowing for the round trip and the header's whole seconds", () => {
    expect(clock(header, 200, server + 600).status).toBe("pass");
    expect(clock(header, 0, server + (MAX_CLOCK_SKEW_SECONDS - 1) * 1000).status).toBe("pass");
  });

  it("fails with a fix-it hint when this machine is ahead or behind", () => {
    const ahead = clock(header, 0, server + 120_000);
    expect(ahead).toMatchObject({ status: "fail", message: "this machine is 120 s ahead of the API" });
    expect(ahead.hint).toContain("NTP");
    expect(clock(header, 0, server - 90_000).message).toBe("this machine is 90 s behind the API");
  });

  it("fails when the API sent no Date header", () => {
    expect(clock(null, 0).status).toBe("fail");
  });
});
