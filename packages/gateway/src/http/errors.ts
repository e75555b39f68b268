import type { ServerResponse } from "node:http";

/** An error the gateway answers in OpenAI's error format, which the `openai` client turns into its typed errors. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function openAiErrorBody(err: GatewayError): string {
  return JSON.stringify({ error: { message: err.message, type: err.type, param: null, code: err.code, ...err.extra } });
}

export function sendError(res: ServerResponse, err: GatewayError, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const body = openAiErrorBody(err);
  res.writeHead(err.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    // The openai client retries 429/5xx by default; a policy decision will not change on retry.
    ...(err.type === "policy_violation" || err.status === 429 ? { "x-should-retry": "false" } : {}),
    ...headers,
  });
  res.end(body);
}

export const badRequest = (message: string, code = "invalid_request") =>
  new GatewayError(400, "invalid_request_error", code, message);
