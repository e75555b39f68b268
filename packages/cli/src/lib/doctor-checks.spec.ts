import { describe, expect, it } from "vitest";
import { gatewayStatus, type TGateway } from "@kt/contract";
import { clock, gatewaysCheck, MAX_CLOCK_SKEW_SECONDS } from "./doctor-checks";

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

describe("registered gateways check", () => {
  const now = Date.parse("2026-03-01T12:00:00Z");
  const gateway = (
    name: string,
    lastHeartbeatSecondsAgo: number | null,
    more: Partial<TGateway> = {},
  ): TGateway => {
    const lastHeartbeatAt =
      lastHeartbeatSecondsAgo === null ? null : new Date(now - lastHeartbeatSecondsAgo * 1000);
    return {
      id: name,
      name,
      teamId: null,
      teamName: null,
      environment: "production",
      credentialPrefix: "kt_gw_abcd",
      status: gatewayStatus(lastHeartbeatAt, new Date(now)),
      lastHeartbeatAt: lastHeartbeatAt?.toISOString() ?? null,
      version: null,
      uptimeSeconds: null,
      requestsServed: null,
      spoolDepth: null,
      configVersionInForce: 3,
      policyConfigId: "cfg",
      policyConfigName: "team-policy",
      assignedConfigVersion: 3,
      archived: false,
      archivedAt: null,
      createdAt: new Date(now - 86_400_000).toISOString(),
      ...more,
    };
  };

  it("passes with none registered, and when every gateway that ever phoned home still does", () => {
    expect(gatewaysCheck([], now)).toMatchObject({
      status: "pass",
      message: expect.stringContaining("none registered"),
    });
    expect(gatewaysCheck([gateway("eu", 5), gateway("us", 10)], now)).toMatchObject({
      status: "pass",
      message: "2 of 2 healthy",
    });
  });

  it("reports, without failing, a gateway never started and a config sync still pending", () => {
    const check = gatewaysCheck([gateway("eu", 5, { configVersionInForce: 2 }), gateway("new", null)], now);
    expect(check.status).toBe("pass");
    expect(check.message).toBe("1 of 2 healthy; 1 never started (new); config sync pending on eu");
  });

  it("fails naming a gateway that stopped sending heartbeats, with how long ago and how to fix it", () => {
    const check = gatewaysCheck([gateway("eu", 5), gateway("us", 60), gateway("apac", 900)], now);
    expect(check.status).toBe("fail");
    expect(check.message).toBe(
      "us stale, last heartbeat 60 s ago, apac down, last heartbeat 15 min ago (1 of 3 healthy)",
    );
    expect(check.hint).toContain("kt gateway run --control-plane");
  });
});
