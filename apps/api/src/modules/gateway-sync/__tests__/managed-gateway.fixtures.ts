import { ZGateway, ZGatewayHealth, type TGateway } from "@kt/contract";
import type { Server } from "node:http";
import { FAKE_OPENAI_SECRET } from "../../../test/fake-openai";
import type { TestApi, TestOrg } from "../../../test/harness";
import {
  createConfig,
  createTeam,
  issueKey,
  registerGateway,
} from "../../gateways/__tests__/control-plane.fixtures";

/** The environment a managed gateway needs to call the fake provider with its secret. */
export const PROVIDER_ENV = { FAKE_OPENAI_KEY: FAKE_OPENAI_SECRET };

/** A policy config (YAML, as a user writes it) routing every model to the fake provider at `providerUrl`. */
export function fakeProviderYaml(providerUrl: string, policies: string): string {
  return `providers:
  targets:
    - id: fake-openai
      provider: openai
      base_url: ${providerUrl}
      secret_key_ref: { env: FAKE_OPENAI_KEY }
  default: fake-openai
policies:
${policies}`;
}

export const allowModels = (models: string[]) => `  - name: models
    type: model-allowlist
    models: [${models.join(", ")}]
    action: block
    enabled: true
`;

/**
 * What an admin does to run a managed gateway, through the API: a team, a config, the gateway registered with that
 * config (its credential), and a key for the team's applications.
 */
export async function registerManagedGateway(org: TestOrg, input: { label: string; yaml: string }) {
  const team = await createTeam(org, `Team ${input.label}`);
  const config = await createConfig(org.as.admin, {
    name: `config-${input.label}`,
    yaml: input.yaml,
    teamId: team.id,
  });
  const gateway = await registerGateway(org.as.admin, {
    name: `gw-${input.label}`,
    teamId: team.id,
    policyConfigId: config.id,
  });
  const key = await issueKey(org.as.admin, {
    name: `app-${input.label}`,
    teamId: team.id,
    gatewayId: gateway.id,
  });
  return {
    team,
    config,
    gateway: { id: gateway.id as string, credential: gateway.credential as string },
    key: key as { id: string; secret: string },
  };
}

/**
 * Polls `check` every 50 ms until it holds; throws when `withinMs` passed first. Returns the time it took. Deadlines
 * are generous except where the product promises one (5 s for a config or key change).
 */
export async function eventually(
  what: string,
  withinMs: number,
  check: () => Promise<boolean> | boolean,
): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (await check()) return Date.now() - t0;
    if (Date.now() - t0 > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One chat completion through a gateway, as an application sends it; `user` (x-kt-user) marks the event. */
export function chat(
  gatewayUrl: string,
  key: string,
  input: { model?: string; user?: string; content?: string } = {},
) {
  return fetch(`${gatewayUrl}/v1/chat/completions`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${key}`,
      "content-type": "application/json",
      ...(input.user ? { "x-kt-user": input.user } : {}),
    },
    body: JSON.stringify({
      model: input.model ?? "gpt-4o-mini",
      messages: [{ role: "user", content: input.content ?? "hi" }],
    }),
  });
}

/** The gateway as the API shows it (its last heartbeat: configVersionInForce, version, spool depth). */
export async function gatewayView(org: TestOrg, id: string): Promise<TGateway> {
  return ZGateway.parse((await org.as.viewer.get(`/v1/gateways/${id}`)).body);
}

/** The gateway's own health: the config version in force and the events on disk not yet accepted by the API. */
export async function gatewayHealth(gatewayUrl: string) {
  return ZGatewayHealth.parse(await (await fetch(`${gatewayUrl}/healthz`)).json());
}

const SHUTDOWN_WITHIN_MS = 30_000;

/**
 * Takes the API down as an outage does: it stops accepting, open connections (a gateway's long-poll) are cut, then
 * the app shuts down. Start it again at the same URL with `startApi(addressOf(api))`.
 */
export async function takeDown(api: TestApi): Promise<void> {
  const server = api.app.getHttpServer() as Server;
  const closed = new Promise<void>((r) => server.close(() => r()));
  server.closeAllConnections();
  // A shutdown that hangs is a bug of its own: name it rather than let the test time out.
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`the API did not shut down within ${SHUTDOWN_WITHIN_MS} ms`)),
      SHUTDOWN_WITHIN_MS,
    );
  });
  try {
    await Promise.race([Promise.all([api.close(), closed]), hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** What `startApi` needs to start an API where `api` was: its port and its Redis prefix. */
export const addressOf = (api: TestApi) => ({
  PORT: new URL(api.url).port,
  REDIS_PREFIX: api.env.REDIS_PREFIX,
});

/** How many rows telemetry.events holds for each of the org's events of `user` (the request marker). */
export async function storedEventCounts(
  api: TestApi,
  orgId: string,
  user: string,
): Promise<Map<string, number>> {
  const rows = await api.db.$queryRawUnsafe<{ id: string; n: number }[]>(
    "SELECT id::text AS id, count(*)::int AS n FROM telemetry.events WHERE org_id = $1::uuid AND end_user = $2 GROUP BY id",
    orgId,
    user,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}
