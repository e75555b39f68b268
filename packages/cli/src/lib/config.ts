import envPaths from "env-paths";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";

export const DEFAULT_API_URL = "http://127.0.0.1:4000";

const ZStoredConfig = z.object({ apiUrl: z.string().optional(), token: z.string().optional() });
export type TStoredConfig = z.infer<typeof ZStoredConfig>;

/** Where `kt login` keeps its settings: the user's config directory (`KT_CONFIG_DIR` overrides it). */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.KT_CONFIG_DIR || envPaths("kt", { suffix: "" }).config;
  return join(dir, "config.json");
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): TStoredConfig {
  let text: string;
  try {
    text = readFileSync(configPath(env), "utf8");
  } catch {
    return {};
  }
  const parsed = ZStoredConfig.safeParse(safeJson(text));
  return parsed.success ? parsed.data : {};
}

/** Writes the config readable by its owner only: it holds a credential. */
export function writeConfig(config: TStoredConfig, env: NodeJS.ProcessEnv = process.env): string {
  const file = configPath(env);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  // mode only applies when the file is created; an older file may have wider permissions.
  chmodSync(file, 0o600);
  return file;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type Credentials = { apiUrl: string; token: string | null; source: { apiUrl: string; token: string } };

/** The API URL and token: `KT_API_URL` / `KT_API_TOKEN` win over what `kt login` stored. */
export function resolveCredentials(env: NodeJS.ProcessEnv = process.env): Credentials {
  const stored = readConfig(env);
  const apiUrl = env.KT_API_URL || stored.apiUrl || DEFAULT_API_URL;
  const token = env.KT_API_TOKEN || stored.token || null;
  return {
    apiUrl: normalizeApiUrl(apiUrl),
    token,
    source: {
      apiUrl: env.KT_API_URL ? "KT_API_URL" : stored.apiUrl ? configPath(env) : "default",
      token: env.KT_API_TOKEN ? "KT_API_TOKEN" : stored.token ? configPath(env) : "none",
    },
  };
}

/** Accepts `http://host:4000`, `http://host:4000/` or `http://host:4000/v1`; returns the server root. */
export function normalizeApiUrl(url: string): string {
  return url.trim().replace(/\/+$/, "").replace(/\/v1$/, "");
}
