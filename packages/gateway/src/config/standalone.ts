import { readFileSync } from "node:fs";
import * as contract from "@kt/contract";
import { GATEWAY_KEY_PREFIX, ZGatewayKeyRecord, ZNormalizedPolicyConfig, type TGatewayKeyRecord, type TNormalizedPolicyConfig } from "@kt/contract";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { sha256Hex } from "../auth/key-store";

/**
 * Keys in a standalone config file, beside the policy config:
 *   gateway_keys:
 *     - { id: dev, secret_hash: <sha256 hex>, team: payments, expires_at: 2026-12-31T00:00:00Z }
 *     - { id: ci, secret_env: CI_GATEWAY_KEY }     # the secret read from an env var at start
 * Plain `secret:` is accepted for local experiments only.
 */
const ZFileKey = z.object({
  id: z.string().min(1),
  secret: z.string().startsWith(GATEWAY_KEY_PREFIX).optional(),
  secret_env: z.string().optional(),
  secret_hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  team: z.string().optional(),
  expires_at: z.string().optional(),
  models: z.array(z.string()).optional(),
});

export class StandaloneConfigError extends Error {}

/** The `parsePolicyConfig` of @kt/contract when it exists (both YAML forms); otherwise the normalised form only. */
function normalise(doc: Record<string, unknown>, text: string): TNormalizedPolicyConfig {
  const parser = (contract as Record<string, unknown>).parsePolicyConfig;
  if (typeof parser === "function" && !("policies" in doc && Array.isArray(doc.policies) && (doc.policies as { type?: string }[]).every((p) => p && "type" in p) && "providers" in doc && Array.isArray(doc.providers))) {
    const out = parser(text) as { ok?: boolean; config?: TNormalizedPolicyConfig; issues?: { message: string; line?: number; severity?: string }[] };
    const errors = (out.issues ?? []).filter((i) => i.severity !== "warning");
    if (out.config && (out.ok ?? errors.length === 0)) return out.config;
    throw new StandaloneConfigError(`policy config has errors:\n${errors.map((i) => `  line ${i.line ?? "?"}: ${i.message}`).join("\n")}`);
  }
  const parsed = ZNormalizedPolicyConfig.safeParse(doc);
  if (parsed.success) return parsed.data;
  throw new StandaloneConfigError(`policy config is not valid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
}

/** KT_GATEWAY_KEYS: comma-separated `kt_gk_…` secrets, each optionally `id=kt_gk_…` or `id@team=kt_gk_…`. */
export function keysFromEnv(value: string | undefined): TGatewayKeyRecord[] {
  if (!value?.trim()) return [];
  return value.split(",").map((raw, i) => {
    const item = raw.trim();
    const eq = item.indexOf("=");
    const label = eq > 0 ? item.slice(0, eq) : `env-${i + 1}`;
    const secret = eq > 0 ? item.slice(eq + 1) : item;
    if (!secret.startsWith(GATEWAY_KEY_PREFIX)) throw new StandaloneConfigError(`KT_GATEWAY_KEYS item ${i + 1} must be a ${GATEWAY_KEY_PREFIX}… secret`);
    const [id, team] = label.split("@");
    return ZGatewayKeyRecord.parse({ id, secretHash: sha256Hex(secret), teamId: team ?? null });
  });
}

export function loadStandaloneConfig(file: string, env: NodeJS.ProcessEnv = process.env): { config: TNormalizedPolicyConfig; keys: TGatewayKeyRecord[] } {
  const text = readFileSync(file, "utf8");
  let doc: Record<string, unknown>;
  try {
    doc = (parseYaml(text) ?? {}) as Record<string, unknown>;
  } catch (err) {
    throw new StandaloneConfigError(`${file} is not valid YAML or JSON: ${(err as Error).message}`);
  }
  const { gateway_keys: fileKeys, ...rest } = doc;
  const keys: TGatewayKeyRecord[] = [];
  for (const [i, raw] of ((fileKeys ?? []) as unknown[]).entries()) {
    const k = ZFileKey.safeParse(raw);
    if (!k.success) throw new StandaloneConfigError(`gateway_keys[${i}]: ${k.error.issues[0].message}`);
    const secret = k.data.secret ?? (k.data.secret_env ? env[k.data.secret_env] : undefined);
    const hash = k.data.secret_hash ?? (secret ? sha256Hex(secret) : undefined);
    if (!hash) throw new StandaloneConfigError(`gateway_keys[${i}] (${k.data.id}): give secret_hash, or secret_env naming a set variable`);
    keys.push(ZGatewayKeyRecord.parse({ id: k.data.id, secretHash: hash, teamId: k.data.team ?? null, expiresAt: k.data.expires_at ?? null, models: k.data.models ?? [] }));
  }
  const strippedText = fileKeys ? text.replace(/^gateway_keys:[\s\S]*?(?=^\S|$(?![\s\S]))/m, "") : text;
  return { config: normalise(rest, strippedText), keys: [...keys, ...keysFromEnv(env.KT_GATEWAY_KEYS)] };
}
