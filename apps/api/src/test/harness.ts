import type { INestApplication } from "@nestjs/common";
import type { TRole, TSession } from "@kt/contract";
import type { Db } from "@kt/db";
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { loadEnv, type TEnv } from "../config/env";
import type { AppOptions } from "../app.module";
import { createApp } from "../create-app";
import { DbService } from "../common/db/db.module";
import { hashPassword } from "../modules/auth/auth.service";

export type TestApi = {
  url: string;
  app: INestApplication;
  env: TEnv;
  db: Db;
  close: () => Promise<void>;
};

/**
 * Boots the real API against the run's test database and Redis, on an ephemeral port unless `PORT` is overridden
 * (a test restarting the API at the same URL passes the first one's port and REDIS_PREFIX).
 */
export async function startApi(
  overrides: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestApi> {
  const env = loadEnv({
    NODE_ENV: "test",
    DATABASE_URL: inject("databaseUrl"),
    REDIS_PREFIX: `${inject("redisPrefix")}_${randomBytes(3).toString("hex")}`,
    LOG_LEVEL: "silent",
    PORT: "0",
    HOST: "127.0.0.1",
    EXPORT_DIR: `/tmp/kt-test-exports-${process.pid}`,
    // Tests receive webhooks on loopback; the guard itself is tested with this off.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    ...overrides,
  } as NodeJS.ProcessEnv);
  const app = await createApp(env, options);
  await app.listen(env.PORT, "127.0.0.1");
  const address = app.getHttpServer().address() as import("node:net").AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  return { url, app, env, db: app.get(DbService).system, close: () => app.close() };
}

export type HttpResult<T = any> = { status: number; body: T; headers: Headers };

/** A small client for the API: JSON in, JSON out, no throwing on 4xx/5xx. */
export function client(baseUrl: string, token?: string) {
  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
  return {
    token,
    get: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>("GET", path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>("POST", path, body ?? {}, headers),
    patch: <T = any>(path: string, body?: unknown) => call<T>("PATCH", path, body ?? {}),
    put: <T = any>(path: string, body?: unknown) => call<T>("PUT", path, body ?? {}),
    delete: <T = any>(path: string) => call<T>("DELETE", path),
    raw: call,
    as: (otherToken: string) => client(baseUrl, otherToken),
  };
}
export type Client = ReturnType<typeof client>;

export const TEST_PASSWORD = "correct-horse-battery";

export type TestOrg = {
  orgId: string;
  session: TSession;
  /** A signed-in client per role. */
  as: Record<TRole, Client>;
  users: Record<TRole, { id: string; email: string }>;
};

/**
 * A fresh org with one member per role, each signed in. Built through the real sign-up and log-in
 * routes; the non-admin members are inserted directly, so this factory does not depend on the
 * members routes it may be used to test.
 */
export async function createOrg(api: TestApi, label = "org"): Promise<TestOrg> {
  const tag = `${label}-${randomBytes(4).toString("hex")}`;
  const anon = client(api.url);
  const signup = await anon.post<TSession>("/v1/auth/signup", {
    orgName: `Org ${tag}`,
    name: `Admin ${tag}`,
    email: `admin-${tag}@example.test`,
    password: TEST_PASSWORD,
  });
  if (signup.status !== 201)
    throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  const orgId = signup.body.org.id;
  const users = { admin: { id: signup.body.user.id, email: signup.body.user.email } } as TestOrg["users"];
  const as = { admin: client(api.url, signup.body.token) } as TestOrg["as"];
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const role of ["manager", "finance", "viewer"] as const) {
    const email = `${role}-${tag}@example.test`;
    const user = await api.db.user.create({ data: { email, name: `${role} ${tag}`, passwordHash } });
    await api.db.membership.create({ data: { orgId, userId: user.id, role } });
    const login = await anon.post<TSession>("/v1/auth/login", { email, password: TEST_PASSWORD });
    users[role] = { id: user.id, email };
    as[role] = client(api.url, login.body.token);
  }
  return { orgId, session: signup.body, as, users };
}
