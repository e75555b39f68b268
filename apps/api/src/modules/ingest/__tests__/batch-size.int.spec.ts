import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";

describe("ingest batch size", () => {
  let api: TestApi;
  let org: TestOrg;
  beforeAll(async () => {
    api = await startApi();
    org = await createOrg(api, "batch");
  });
  afterAll(() => api?.close());

  it("accepts a full gateway batch larger than the general 1 MB body limit", async () => {
    const team = (await org.as.admin.post("/v1/teams", { name: "Batch" })).body;
    const gateway = (await org.as.admin.post("/v1/gateways", { name: "gw-batch", teamId: team.id })).body;
    const decision = {
      policy: "pii",
      type: "pii-detector",
      stage: "request",
      action: "redact",
      triggered: true,
      latencyUs: 30,
      details: { entities: { email: 1 } },
    };
    const now = Date.now();
    const events = Array.from({ length: 500 }, (_, i) => {
      const ts = new Date(now - i * 1000).toISOString();
      return {
        id: uuidv7({ msecs: Date.parse(ts) }),
        ts,
        teamId: team.id,
        model: "gpt-4o-mini",
        provider: "openai",
        costUsd: 0.001,
        latencyMs: 200,
        policyLatencyMs: 0.2,
        status: "success",
        httpStatus: 200,
        action: "redacted",
        decisions: [decision],
        promptRedacted: `Please summarise this for [EMAIL_1]: ${"lorem ipsum ".repeat(200)}`,
      };
    });
    const body = JSON.stringify({ events });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await org.as.admin
      .as(gateway.credential)
      .post("/v1/ingest/events", body, { "content-type": "application/json" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 500, duplicates: 0 });
  });
});
