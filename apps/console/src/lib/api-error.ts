import { ZApiError, type TErrorCode } from "@kt/contract";
import type { z } from "zod";

/** The API's codes plus two the Console adds: the API could not be reached, or answered in an unexpected shape. */
export type TConsoleErrorCode = TErrorCode | "unreachable" | "bad_response";

/** An error from the API, carrying its message exactly as the API wrote it so views can show it verbatim. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: TConsoleErrorCode;
  readonly details: unknown;

  constructor(init: { status: number; code: TConsoleErrorCode; message: string; details?: unknown }) {
    super(init.message);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }

  static unreachable(where: string): ApiError {
    return new ApiError({
      status: 502,
      code: "unreachable",
      message: `Cannot reach the kt API at ${where}.`,
    });
  }

  /** Validates a response body; a mismatch means Console and API disagree on the contract. */
  static parseBody<T extends z.ZodType>(schema: T, body: unknown, path: string): z.infer<T> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    return failShape(path, parsed.error);
  }
}

function failShape(path: string, error: z.ZodError): never {
  const first = error.issues[0];
  const where = first ? `${first.path.join(".") || "body"}: ${first.message}` : "unknown field";
  throw new ApiError({
    status: 502,
    code: "bad_response",
    message: `The API's answer to ${path} does not match the contract (${where}).`,
    details: error.issues,
  });
}

/** Reads the API's `{ error: { code, message, details } }` body; falls back to the HTTP status when absent. */
export async function apiErrorFromResponse(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const parsed = ZApiError.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError({ status: res.status, code, message, details });
  }
  return new ApiError({
    status: res.status,
    code: codeForStatus(res.status),
    message: `The API answered ${res.status}${res.statusText ? ` ${res.statusText}` : ""}.`,
  });
}

function codeForStatus(status: number): TConsoleErrorCode {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "internal";
  return "bad_request";
}

/** Field-level messages from a validation error, keyed by the field's dotted path (without the `body.` prefix). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const out: Record<string, string> = {};
  for (const issue of error.details as unknown[]) {
    if (typeof issue !== "object" || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    if (typeof path !== "string" || typeof message !== "string") continue;
    out[path.replace(/^body\./, "")] ??= message;
  }
  return out;
}
