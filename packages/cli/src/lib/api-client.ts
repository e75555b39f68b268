import { ZApiError } from "@kt/contract";
import type { z } from "zod";
import { resolveCredentials, type Credentials } from "./config";
import { CliError } from "./errors";

const TIMEOUT_MS = 10_000;

export type ApiResponse = { status: number; headers: Headers; body: unknown; elapsedMs: number };

export type ApiClient = {
  credentials: Credentials;
  /** Sends a request and returns whatever the API answered, without judging the status. */
  raw(method: string, path: string, body?: unknown): Promise<ApiResponse>;
  /** Sends a request, throws the API's error on a non-2xx, and parses the answer with `schema`. */
  call<T extends z.ZodType>(schema: T, method: string, path: string, body?: unknown): Promise<z.infer<T>>;
};

/** The client every command uses: base URL and token from `kt login` or `KT_API_URL` / `KT_API_TOKEN`. */
export function apiClient(overrides: Partial<Pick<Credentials, "apiUrl" | "token">> = {}): ApiClient {
  const credentials = { ...resolveCredentials(), ...stripUndefined(overrides) };

  async function raw(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const started = Date.now();
    let res: Response;
    try {
      res = await fetch(`${credentials.apiUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw unreachable(credentials.apiUrl, e);
    }
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: parseJson(text),
      elapsedMs: Date.now() - started,
    };
  }

  async function call<T extends z.ZodType>(
    schema: T,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<z.infer<T>> {
    const res = await raw(method, path, body);
    if (res.status >= 400) throw errorFrom(res);
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) {
      throw CliError.local(
        "internal",
        `The API at ${credentials.apiUrl} answered ${method} ${path} in an unexpected shape; is it a kt API of the same version?`,
        {
          issues: parsed.error.issues,
        },
      );
    }
    return parsed.data;
  }

  return { credentials, raw, call };
}

/** The API's own error when it sent one, else a description of what came back. */
export function errorFrom(res: ApiResponse): CliError {
  const apiError = ZApiError.safeParse(res.body);
  if (apiError.success) return CliError.fromApi(res.status, apiError.data);
  const snippet =
    typeof res.body === "string" ? res.body.slice(0, 200) : JSON.stringify(res.body)?.slice(0, 200);
  return CliError.local(
    res.status === 401 ? "unauthenticated" : "internal",
    `HTTP ${res.status}: ${snippet ?? "(empty body)"}`,
  );
}

function unreachable(apiUrl: string, e: unknown): CliError {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const reason =
    err.name === "TimeoutError"
      ? `no answer in ${TIMEOUT_MS / 1000} s`
      : (err.cause?.code ?? err.cause?.message ?? err.message);
  const message = `Cannot reach the kt API at ${apiUrl} (${reason}); start it (npm run demo) or point kt at it with \`kt login --api-url\` or KT_API_URL`;
  return CliError.local("unavailable", message, { apiUrl, reason });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
