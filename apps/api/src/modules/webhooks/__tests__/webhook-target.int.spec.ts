import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";

/** An API as deployed by default: webhooks may not reach private networks. */
describe("webhook targets on private networks", () => {
  let api: TestApi;
  let org: TestOrg;
  let receiver: Server;
  let port: number;
  let received = 0;
  beforeAll(async () => {
    api = await startApi({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "false" });
    org = await createOrg(api, "webhook-ssrf");
    receiver = createServer((req, res) => {
      received += 1;
      res.end();
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await api?.close();
    receiver?.close();
  });

  it.each([
    ["loopback", () => `http://127.0.0.1:${port}/hook`],
    ["a name that resolves to loopback", () => `http://localhost:${port}/hook`],
    ["the cloud metadata service", () => "http://169.254.169.254/latest/meta-data/"],
    ["an IPv4-mapped IPv6 loopback", () => `http://[::ffff:127.0.0.1]:${port}/hook`],
    ["the private network", () => "https://10.0.0.5/hook"],
  ])("refuses %s with a 400 that says why and how to allow it", async (_what, url) => {
    const res = await org.as.admin.post("/v1/webhooks", { url: url() });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/private, loopback or link-local address/);
    expect(res.body.error.message).toContain("WEBHOOK_ALLOW_PRIVATE_NETWORKS=true");
  });

  it("refuses a host that does not resolve", async () => {
    const res = await org.as.admin.post("/v1/webhooks", { url: "https://no-such-host.invalid/hook" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain("does not resolve");
  });

  it("never connects to a private address stored before the guard, by IP or by name", async () => {
    for (const host of ["127.0.0.1", "localhost"]) {
      const hook = await api.db.webhook.create({
        data: {
          orgId: org.orgId,
          url: `http://${host}:${port}/hook`,
          secret: "whsec_test",
          events: ["budget.threshold"],
        },
      });
      const res = await org.as.admin.post(`/v1/webhooks/${hook.id}/test`);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(0);
    }
    expect(received).toBe(0);
  });
});
