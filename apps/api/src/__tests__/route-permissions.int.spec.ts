import { ModulesContainer } from "@nestjs/core";
import { ROLES } from "@kt/contract";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeAccess, listRoutes, type RouteInfo } from "../common/http/route-catalog";
import { createOrg, startApi, type TestApi } from "../test/harness";

/** Status and error message of one call; an event stream is closed as soon as its headers arrive. */
async function call(
  token: string,
  method: string,
  url: string,
  body: unknown,
): Promise<{ status: number; message: string }> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return { status: res.status, message: "(event stream)" };
  }
  const text = await res.text();
  try {
    return { status: res.status, message: String(JSON.parse(text)?.error?.message ?? "") };
  } catch {
    return { status: res.status, message: text.slice(0, 100) };
  }
}

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

  it("are enforced: each role outside a route's list gets 403 naming its role, each role inside gets past the guard", async () => {
    const org = await createOrg(api, "perm");
    const problems: string[] = [];
    for (const route of routes) {
      if (route.access.kind !== "roles") continue;
      const path = route.path.replace(/:(\w+)/g, () => randomUUID());
      const body = ["POST", "PUT", "PATCH"].includes(route.method) ? {} : undefined;
      for (const role of ROLES) {
        const res = await call(org.as[role].token!, route.method, `${api.url}${path}`, body);
        const allowed = route.access.roles.includes(role);
        if (!allowed && (res.status !== 403 || !res.message.includes(`(${role})`)))
          problems.push(`${route.method} ${route.path} as ${role}: ${res.status} ${res.message}`);
        if (allowed && (res.status === 401 || res.status === 403))
          problems.push(`${route.method} ${route.path} as ${role} (allowed): ${res.status} ${res.message}`);
      }
    }
    expect(problems).toEqual([]);
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
