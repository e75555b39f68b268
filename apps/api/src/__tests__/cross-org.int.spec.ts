import { ModulesContainer } from "@nestjs/core";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRoutes, type RouteInfo } from "../common/http/route-catalog";
import { client, createOrg, startApi, type Client, type TestApi, type TestOrg } from "../test/harness";
import { CROSS_ORG_BODIES, CROSS_ORG_FIXTURES, CROSS_ORG_SKIPPED } from "./cross-org.fixtures";
import { bodySchema, fetchOpenApi, operation, queryParams, sampleBody, type OpenApiDoc } from "./openapi";

const key = (r: RouteInfo) => `${r.method} ${r.path}`;
const collectionOf = (r: RouteInfo) => r.path.split("/")[2];
const fill = (path: string, params: Record<string, string>) =>
  path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(params[p] ?? "missing"));
const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/**
 * For every route with a path param, found from the app itself (so routes added later are covered):
 * a caller from org B asking for org A's ids gets a 404, the same answer as for ids that exist
 * nowhere, and org A's data is untouched afterwards.
 */
describe("cross-org isolation sweep", () => {
  let api: TestApi;
  let doc: OpenApiDoc;
  let owner: TestOrg;
  let intruder: TestOrg;
  let routes: RouteInfo[];
  beforeAll(async () => {
    api = await startApi();
    doc = await fetchOpenApi(api.url);
    [owner, intruder] = await Promise.all([createOrg(api, "owner"), createOrg(api, "intruder")]);
    routes = listRoutes(api.app.get(ModulesContainer)).filter((r) => r.params.length > 0);
  });
  afterAll(() => api?.close());

  it("has a fixture or a written reason for every route with a path param", () => {
    const uncovered = routes
      .filter((r) => !CROSS_ORG_FIXTURES[collectionOf(r)] && !CROSS_ORG_SKIPPED[key(r)])
      .map(key);
    expect(
      uncovered,
      "add a builder to CROSS_ORG_FIXTURES in cross-org.fixtures.ts (or a reason to CROSS_ORG_SKIPPED)",
    ).toEqual([]);
    const stale = Object.keys(CROSS_ORG_SKIPPED).filter((k) => !routes.some((r) => key(r) === k));
    expect(stale, "CROSS_ORG_SKIPPED names routes that no longer exist").toEqual([]);
    if (Object.keys(CROSS_ORG_SKIPPED).length)
      console.info(`cross-org sweep skips: ${JSON.stringify(CROSS_ORG_SKIPPED, null, 2)}`);
  });

  it("answers 404 to org B for each of org A's ids, exactly as for ids that exist nowhere", async () => {
    const fixtures = new Map<string, Record<string, string>>();
    for (const collection of new Set(routes.map(collectionOf))) {
      const build = CROSS_ORG_FIXTURES[collection];
      if (build) fixtures.set(collection, await build(owner));
    }
    const intruderGateway = await client(api.url, intruder.session.token).post("/v1/gateways", {
      name: "intruder-gw",
    });

    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const params = fixtures.get(collectionOf(route));
      if (!params || CROSS_ORG_SKIPPED[key(route)]) continue;
      const as = callerFor(route, intruder, intruderGateway.body?.credential);
      const body = requestBody(doc, route);
      const query = requiredQuery(doc, route);
      const theirs = await as.raw(route.method, fill(route.path, params) + query, body);
      const missing = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, isUuid(v) ? randomUUID() : v]),
      );
      const nowhere = await as.raw(route.method, fill(route.path, missing) + query, body);
      checked++;
      if (theirs.status !== 404)
        failures.push(
          `${key(route)}: org A's ids answered ${theirs.status} ${JSON.stringify(theirs.body).slice(0, 200)}`,
        );
      else if (nowhere.status !== 404 || nowhere.body?.error?.code !== theirs.body?.error?.code) {
        failures.push(
          `${key(route)}: org A's ids answered ${theirs.status}, unknown ids ${nowhere.status}: the difference leaks existence`,
        );
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBe(
      routes.filter((r) => fixtures.has(collectionOf(r)) && !CROSS_ORG_SKIPPED[key(r)]).length,
    );

    // Nothing org B tried changed org A's data.
    for (const [collection, params] of fixtures) {
      const read = routes.find((r) => r.method === "GET" && r.path === `/v1/${collection}/:id`);
      if (!read) continue;
      const res = await owner.as.admin.get(fill(read.path, params));
      expect(res.status, `${collection} ${params.id} after the sweep`).toBe(200);
      if (res.body?.status) expect(["revoked", "archived", "cancelled"]).not.toContain(res.body.status);
    }
  });
});

function callerFor(route: RouteInfo, intruder: TestOrg, gatewayCredential: string | undefined): Client {
  switch (route.access.kind) {
    case "roles":
      return intruder.as[route.access.roles.includes("admin") ? "admin" : route.access.roles[0]];
    case "gateway":
      if (!gatewayCredential) throw new Error("the intruder org could not register a gateway");
      return intruder.as.admin.as(gatewayCredential);
    case "public":
    case "undeclared":
      return intruder.as.admin;
  }
}

/** Required query params, sampled from their schemas. */
function requiredQuery(doc: OpenApiDoc, route: RouteInfo): string {
  const required = queryParams(operation(doc, route.method, route.openApiPath)).filter((p) => p.required);
  if (required.length === 0) return "";
  const values = required.map((p): [string, string] => [
    p.name,
    String(p.schema ? sampleBody(doc, p.schema) : "1"),
  ]);
  return `?${new URLSearchParams(values).toString()}`;
}

function requestBody(doc: OpenApiDoc, route: RouteInfo): unknown {
  if (!["POST", "PUT", "PATCH"].includes(route.method)) return undefined;
  if (key(route) in CROSS_ORG_BODIES) return CROSS_ORG_BODIES[key(route)];
  const schema = bodySchema(doc, operation(doc, route.method, route.openApiPath));
  return schema ? sampleBody(doc, schema) : {};
}
