import { ModulesContainer } from "@nestjs/core";
import { GATEWAY_ROUTES, ZApiError } from "@kt/contract";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listRoutes, type RouteInfo } from "../common/http/route-catalog";
import { createOrg, startApi, type TestApi, type TestOrg } from "../test/harness";
import { bodyWith, ODD_STRINGS, takesString, wrongTypeValue } from "./bad-input.variants";
import {
  bodyFields,
  bodySchema,
  fetchOpenApi,
  operation,
  queryParams,
  resolve,
  sampleBody,
  type JsonSchema,
  type OpenApiDoc,
} from "./openapi";

type Target = {
  route: RouteInfo;
  url: string;
  headers: Record<string, string>;
  schema: JsonSchema | undefined;
};
type Answer = { status: number; body: any };

/** Bad input is refused up front, so it never waits on anything slow. */
const ANSWER_WITHIN_MS = 5000;

/**
 * Every route in the OpenAPI document, fed bad input: malformed JSON, the wrong content type, huge
 * bodies, missing and mistyped fields, odd Unicode in bodies, queries and paths. The answer is always
 * a 4xx (or a success, for odd-but-valid text) with an error that names the problem; never a 5xx.
 */
describe("bad-input sweep", () => {
  let api: TestApi;
  let doc: OpenApiDoc;
  let org: TestOrg;
  let targets: Target[];
  const problems: string[] = [];
  beforeEach(() => {
    problems.length = 0;
  });

  beforeAll(async () => {
    api = await startApi();
    doc = await fetchOpenApi(api.url);
    org = await createOrg(api, "bad-input");
    const gateway = await org.as.admin.post("/v1/gateways", { name: "sweep-gw" });
    const routes = listRoutes(api.app.get(ModulesContainer));
    targets = routes
      .filter((r) => operation(doc, r.method, r.openApiPath))
      .map((route): Target => {
        const token =
          route.access.kind === "gateway"
            ? gateway.body.credential
            : route.access.kind === "roles"
              ? org.session.token
              : undefined;
        const params = Object.fromEntries(route.params.map((p) => [p, pathValue(doc, route, p)]));
        const url = `${api.url}${route.path.replace(/:(\w+)/g, (_, p: string) => params[p])}`;
        return {
          route,
          url,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          schema: bodySchema(doc, operation(doc, route.method, route.openApiPath)),
        };
      });
  });
  afterAll(() => api?.close());

  async function send(
    t: Target,
    body: string | undefined,
    opts: { contentType?: string; url?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...t.headers };
    if (body !== undefined) headers["content-type"] = opts.contentType ?? "application/json";
    let res: Response;
    let text: string;
    try {
      res = await fetch(opts.url ?? t.url, {
        method: t.route.method,
        headers,
        body,
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
      // Accepted input on a streaming route (server-sent events) opens a stream that stays open by design.
      if (res.ok && res.headers.get("content-type")?.startsWith("text/event-stream")) {
        await res.body?.cancel();
        return { status: res.status, body: "(event stream)" };
      }
      text = await res.text();
    } catch (e) {
      return { status: 599, body: `no complete answer in ${ANSWER_WITHIN_MS} ms: ${(e as Error).message}` };
    }
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* judged below */
    }
    return { status: res.status, body: parsed };
  }

  /** Records what is wrong with an answer: a 5xx, an error without a code and message, or a failed expectation. */
  function judge(
    t: Target,
    what: string,
    a: Answer,
    expect?: { status?: number; refused?: boolean; says?: RegExp; names?: string[] },
  ) {
    const where = `${t.route.method} ${t.route.path} [${what}]`;
    if (a.status >= 500)
      return problems.push(`${where}: ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    if (a.status >= 400) {
      const error = ZApiError.safeParse(a.body);
      if (!error.success || error.data.error.message.length < 10)
        return problems.push(
          `${where}: ${a.status} without a useful error: ${JSON.stringify(a.body).slice(0, 200)}`,
        );
    }
    if (expect?.refused && a.status < 400)
      return problems.push(`${where}: accepted (${a.status}); expected a 4xx`);
    if (expect?.status && a.status !== expect.status)
      return problems.push(
        `${where}: expected ${expect.status}, got ${a.status} ${JSON.stringify(a.body).slice(0, 200)}`,
      );
    if (expect?.says && !expect.says.test(a.body?.error?.message ?? ""))
      return problems.push(`${where}: message "${a.body?.error?.message}" should match ${expect.says}`);
    const paths: string[] = (a.body?.error?.details?.issues ?? []).map((i: { path: string }) => i.path);
    for (const name of expect?.names ?? []) {
      if (!paths.some((p) => p === name || p.startsWith(`${name}.`)))
        problems.push(`${where}: issues ${JSON.stringify(paths)} should name ${name}`);
    }
  }

  const withBody = () => targets.filter((t) => t.schema);

  it("refuses malformed JSON, the wrong content type, non-object bodies and huge bodies", async () => {
    for (const t of withBody()) {
      judge(t, "malformed JSON", await send(t, '{"name": "unterminated'), {
        status: 400,
        says: /^Malformed JSON body/,
      });
      judge(t, "trailing comma", await send(t, '{"a": 1,}'), { status: 400, says: /^Malformed JSON body/ });
      judge(
        t,
        "text/plain",
        await send(t, JSON.stringify(sampleBody(doc, t.schema!)), { contentType: "text/plain" }),
        { status: 415, says: /application\/json/ },
      );
      judge(t, "form", await send(t, "a=1&b=2", { contentType: "application/x-www-form-urlencoded" }), {
        status: 415,
      });
      judge(t, "array body", await send(t, "[1, 2]"), { status: 400 });
      judge(t, "empty JSON body", await send(t, ""), {});
      // Gateways' event batches may be up to 16 MB; every other body up to 1 MB.
      const huge = (t.route.path === GATEWAY_ROUTES.ingest ? 17 : 2) * 1024 * 1024;
      judge(t, "huge body", await send(t, JSON.stringify({ padding: "x".repeat(huge) })), {
        status: 413,
        says: /too large/,
      });
    }
    expect(problems).toEqual([]);
  });

  it("names every missing required field and every mistyped field", async () => {
    for (const t of withBody()) {
      const schema = resolve(doc, t.schema)!;
      const required = (schema.required ?? []).map((f) => `request.${f}`);
      judge(t, "empty object", await send(t, "{}"), required.length ? { status: 400, names: required } : {});
      const base = sampleBody(doc, schema) as Record<string, unknown>;
      for (const [field, fieldSchema] of Object.entries(bodyFields(doc, schema))) {
        const wrong = wrongTypeValue(fieldSchema);
        if (wrong === undefined) continue;
        judge(t, `${field} mistyped`, await send(t, JSON.stringify({ ...base, [field]: wrong })), {
          status: 400,
          names: [`request.${field}`],
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it("refuses NUL and unpaired surrogates in any string field, and survives other odd Unicode", async () => {
    for (const t of withBody()) {
      const schema = resolve(doc, t.schema)!;
      const base = sampleBody(doc, schema) as Record<string, unknown>;
      for (const [field, fieldSchema] of Object.entries(bodyFields(doc, schema))) {
        if (!takesString(fieldSchema)) continue;
        for (const odd of ODD_STRINGS) {
          const a = await send(t, bodyWith(base, field, odd.json));
          judge(
            t,
            `${field} ${odd.label}`,
            a,
            odd.mustRefuse ? { status: 400, names: [`request.${field}`] } : {},
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("survives odd query values and path params", { timeout: 300_000 }, async () => {
    for (const t of targets) {
      if (t.route.path === "/v1/gateway/sync") continue; // a long poll: covered below with a wait of 0
      for (const q of queryParams(operation(doc, t.route.method, t.route.openApiPath))) {
        for (const value of ["not-a-valid-value", "-1", "\u0000", "\u202e", "x".repeat(5000), "%"]) {
          const url = `${t.url}?${new URLSearchParams({ [q.name]: value })}`;
          judge(
            t,
            `query ${q.name}=${JSON.stringify(value).slice(0, 20)}`,
            await send(t, undefined, { url }),
            value === "\u0000" ? { status: 400, names: [`request.${q.name}`] } : {},
          );
        }
      }
      for (const p of t.route.params) {
        for (const value of [
          "not-an-id",
          "%00",
          "%E2%80%AE",
          "%F0%9F%92%A9",
          "..%2F..%2Fetc",
          "x".repeat(3000),
          "%ZZ",
        ]) {
          const url = `${api.url}${t.route.path.replace(/:(\w+)/g, (_, name: string) => (name === p ? value : pathValue(doc, t.route, name)))}`;
          const body = t.schema ? JSON.stringify(sampleBody(doc, t.schema)) : undefined;
          judge(t, `path ${p}=${value.slice(0, 20)}`, await send(t, body, { url }), { refused: true });
        }
      }
    }
    const sync = targets.find((t) => t.route.path === "/v1/gateway/sync");
    if (sync)
      judge(sync, "wait=abc", await send(sync, undefined, { url: `${sync.url}?wait=abc` }), { status: 400 });
    expect(problems).toEqual([]);
  });

  it("covers every documented operation", () => {
    const documented = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(targets.length).toBe(documented);
    expect(withBody().length).toBeGreaterThan(10);
  });
});

/** A well-formed value for a path param that names nothing: the sweep tests input handling, not lookups. */
function pathValue(doc: OpenApiDoc, route: RouteInfo, name: string): string {
  const param = operation(doc, route.method, route.openApiPath)?.parameters?.find(
    (p) => p.in === "path" && p.name === name,
  );
  const schema = resolve(doc, param?.schema);
  if (schema?.type === "integer" || schema?.type === "number") return "1";
  return randomUUID();
}
