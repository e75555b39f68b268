import { ModulesContainer } from "@nestjs/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAccess, listRoutes, type RouteInfo } from "../common/http/route-catalog";
import { startApi, type TestApi } from "../test/harness";

/**
 * Every route with who may call it, kept in a reviewed file: a permission change, or a new route,
 * shows up as a diff of route-permissions.txt. After an intended change, update it with
 *   pnpm exec vitest run --project integration apps/api/src/__tests__/route-permissions -u
 */
describe("route permissions", () => {
  let api: TestApi;
  let routes: RouteInfo[];
  beforeAll(async () => {
    api = await startApi();
    routes = listRoutes(api.app.get(ModulesContainer));
  });
  afterAll(() => api?.close());

  it("match the reviewed snapshot", async () => {
    const width = Math.max(...routes.map((r) => r.path.length));
    const lines = routes.map(
      (r) => `${r.method.padEnd(6)} ${r.path.padEnd(width)}  ${describeAccess(r.access)}`,
    );
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("./__snapshots__/route-permissions.txt");
  });

  it("are declared on every route (the app would not start otherwise)", () => {
    expect(routes.filter((r) => r.access.kind === "undeclared")).toEqual([]);
    expect(routes.length).toBeGreaterThan(20);
  });

  it("are all in the OpenAPI document, and the document has no route the app does not serve", async () => {
    const doc = (await (await fetch(`${api.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = routes.map((r) => `${r.method} ${r.openApiPath}`);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });
});
