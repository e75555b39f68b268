import { ZBudget, ZEventGroups, ZPriceChangeResult, ZPriceList } from "@kt/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg, startApi, type TestApi, type TestOrg } from "../../../test/harness";
import {
  createGateway,
  createTeam,
  gatewayEvent,
  type TestGateway,
} from "../../events/__tests__/telemetry-fixtures";

describe("prices", () => {
  let api: TestApi;
  let org: TestOrg;
  let other: TestOrg;
  let gw: TestGateway;
  let team: { id: string };
  beforeAll(async () => {
    api = await startApi();
    [org, other] = await Promise.all([createOrg(api, "price"), createOrg(api, "price-other")]);
    team = await createTeam(org, "ML");
    gw = await createGateway(api, org, { teamId: team.id });
  });
  afterAll(() => api?.close());

  const costOf = async (model: string) =>
    ZEventGroups.parse((await org.as.finance.get(`/v1/events?since=2d&model=${model}&group_by=model`)).body)
      .groups[0];

  it("lists the table with its source and date, and the models seen without a price", async () => {
    await gw.api.post("/v1/ingest/events", {
      events: [
        gatewayEvent({
          provider: "openai",
          model: "ft-support-v2",
          promptTokens: 1_000_000,
          completionTokens: 500_000,
        }),
      ],
    });
    const list = ZPriceList.parse((await org.as.finance.get("/v1/prices")).body);
    expect(list.table.source).toContain("pricing");
    expect(list.table.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(list.items.find((p) => p.model === "gpt-4o")).toMatchObject({
      provider: "openai",
      source: "list",
    });
    expect(list.unpriced).toEqual([
      expect.objectContaining({ provider: "openai", model: "ft-support-v2", requests: 1 }),
    ]);
  });

  it("recomputes stored costs, rollups and team spend when an admin sets a price, and again when it is removed", async () => {
    const yesterday = new Date(Date.now() - 26 * 3600_000).toISOString();
    await gw.api.post("/v1/ingest/events", {
      events: [
        gatewayEvent({
          ts: yesterday,
          provider: "openai",
          model: "ft-support-v2-2025-01-01",
          promptTokens: 2_000_000,
          completionTokens: 0,
        }),
      ],
    });
    expect(await costOf("ft-support-v2")).toMatchObject({ costUsd: 0, unpricedRequests: 1 });
    expect(
      (
        await org.as.manager.put("/v1/prices", {
          provider: "openai",
          model: "ft-support-v2",
          inputPerMTok: 3,
          outputPerMTok: 12,
        })
      ).status,
    ).toBe(403);
    const set = ZPriceChangeResult.parse(
      (
        await org.as.admin.put("/v1/prices", {
          provider: "openai",
          model: "ft-support-v2",
          inputPerMTok: 3,
          outputPerMTok: 12,
        })
      ).body,
    );
    expect(set).toMatchObject({ eventsRecomputed: 2, price: { source: "override", inputPerMTok: 3 } });
    // 1M in × $3 + 0.5M out × $12, and the dated snapshot's 2M in × $3.
    expect(await costOf("ft-support-v2")).toMatchObject({ costUsd: 9, unpricedRequests: 0 });
    expect(await costOf("ft-support-v2-2025-01-01")).toMatchObject({ costUsd: 6, unpricedRequests: 0 });
    const raw = ZEventGroups.parse(
      (
        await org.as.finance.get(
          `/v1/events?since=${new Date(Date.now() - 50 * 3600_000).toISOString()}&model=ft-support-v2&group_by=day`,
        )
      ).body,
    );
    expect(raw.groups.reduce((s, g) => s + g.costUsd, 0)).toBe(9);
    const spend = ZBudget.parse((await org.as.admin.get(`/v1/budgets/${team.id}`)).body);
    const thisMonth = new Date().toISOString().slice(0, 7) === yesterday.slice(0, 7) ? 15 : 9;
    expect(spend.spentUsd).toBeCloseTo(thisMonth, 9);
    expect(ZPriceList.parse((await org.as.finance.get("/v1/prices")).body).unpriced).toEqual([]);

    // A price for a list model overrides the list price.
    await gw.api.post("/v1/ingest/events", {
      events: [gatewayEvent({ model: "gpt-4o", promptTokens: 1_000_000, completionTokens: 0 })],
    });
    expect((await costOf("gpt-4o")).costUsd).toBe(2.5);
    await org.as.admin.put("/v1/prices", {
      provider: "openai",
      model: "gpt-4o",
      inputPerMTok: 2,
      outputPerMTok: 8,
    });
    expect((await costOf("gpt-4o")).costUsd).toBe(2);
    expect(
      ZPriceChangeResult.parse((await org.as.admin.delete("/v1/prices?provider=openai&model=gpt-4o")).body)
        .eventsRecomputed,
    ).toBe(1);
    expect((await costOf("gpt-4o")).costUsd).toBe(2.5);
    await org.as.admin.delete("/v1/prices?provider=openai&model=ft-support-v2");
    expect(await costOf("ft-support-v2")).toMatchObject({ costUsd: 0, unpricedRequests: 1 });
    const actions = (
      await api.db.auditEntry.findMany({
        where: { orgId: org.orgId, resourceType: "model_price" },
        orderBy: { seq: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual(["price.set", "price.set", "price.remove", "price.remove"]);
  });

  it("validates input and keeps orgs apart", async () => {
    expect(
      (
        await org.as.admin.put("/v1/prices", {
          provider: "openai",
          model: "x",
          inputPerMTok: -1,
          outputPerMTok: 1,
        })
      ).body.error.details.issues[0].path,
    ).toBe("request.inputPerMTok");
    await org.as.admin.put("/v1/prices", {
      provider: "openai",
      model: "ours-only",
      inputPerMTok: 1,
      outputPerMTok: 1,
    });
    expect(
      ZPriceList.parse((await other.as.admin.get("/v1/prices")).body).items.find(
        (p) => p.model === "ours-only",
      ),
    ).toBeUndefined();
    expect((await other.as.admin.delete("/v1/prices?provider=openai&model=ours-only")).status).toBe(404);
    expect((await org.as.viewer.get("/v1/prices")).status).toBe(200);
  });
});
