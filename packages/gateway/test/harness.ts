import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ZGatewayEvent, ZNormalizedPolicyConfig, type TGatewayEvent, type TGatewayKeyRecord } from "@kt/contract";
import OpenAI from "openai";
import { sha256Hex, startGateway, type TRunningGateway } from "../src";

export const KEY = "kt_gk_test_0123456789abcdefghij";
export const keyRecord = (secret: string, extra: Partial<TGatewayKeyRecord> = {}): TGatewayKeyRecord => ({
  id: extra.id ?? "key-" + secret.slice(-4),
  secretHash: sha256Hex(secret),
  teamId: "team-a",
  expiresAt: null,
  revokedAt: null,
  models: [],
  ...extra,
});

export type TStandalone = TRunningGateway & { eventsFile: string; client: OpenAI; events(): TGatewayEvent[] };

export async function standalone(config: unknown, keys: TGatewayKeyRecord[] = [keyRecord(KEY)]): Promise<TStandalone> {
  const dir = mkdtempSync(path.join(tmpdir(), "kt-gw-"));
  const eventsFile = path.join(dir, "events.ndjson");
  const gw = await startGateway({ config: ZNormalizedPolicyConfig.parse(config), keys, eventsFile, log: () => {} });
  const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: KEY, maxRetries: 0 });
  return {
    ...gw,
    eventsFile,
    client,
    events: () =>
      existsSync(eventsFile)
        ? readFileSync(eventsFile, "utf8").split("\n").filter(Boolean).map((l) => ZGatewayEvent.parse(JSON.parse(l)))
        : [],
  };
}

export const openAiTarget = (baseUrl: string, extra: Record<string, unknown> = {}) => ({ id: "openai", provider: "openai", baseUrl, secretEnv: "FAKE_OPENAI_KEY", ...extra });
