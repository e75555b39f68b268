import type { z } from "zod";
import { ApiError, apiErrorFromResponse } from "@/lib/api-error";

type TQuery = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export type TApiRequest<T extends z.ZodType> = {
  /** The API's path, starting with /v1/. */
  path: string;
  schema: T;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: TQuery;
  body?: unknown;
  signal?: AbortSignal;
};

/** Where browser calls go: the Console's same-origin proxy, which adds the session's token. */
export const PROXY_PREFIX = "/api/kt";

export function proxyUrl(path: string, query?: TQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return `${PROXY_PREFIX}${path}${qs ? `?${qs}` : ""}`;
}

/** Calls the API through the proxy and validates the answer with the contract's schema. */
export async function apiRequest<T extends z.ZodType>(req: TApiRequest<T>): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(proxyUrl(req.path, req.query), {
      method: req.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(req.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
      credentials: "same-origin",
    });
  } catch (err) {
    if (req.signal?.aborted) throw err;
    throw ApiError.unreachable("the Console server");
  }
  if (!res.ok) throw await apiErrorFromResponse(res);
  if (res.status === 204) return ApiError.parseBody(req.schema, undefined, req.path);
  return ApiError.parseBody(req.schema, await res.json(), req.path);
}
