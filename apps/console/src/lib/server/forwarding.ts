import type { TErrorCode } from "@kt/contract";
import type { NextRequest } from "next/server";

/** The browser's address as the API should see it (for per-IP rate limits and audit entries). */
export function clientIp(req: NextRequest): string {
  const forwarded = req.headers.get("x-forwarded-for");
  if (forwarded) return forwarded;
  return req.headers.get("x-real-ip") ?? "127.0.0.1";
}

/** An error in the API's own shape, so the browser handles Console-side failures like API ones. */
export function errorResponse(status: number, code: TErrorCode, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** Request headers worth passing to the API; everything else (cookies, host) stays at the Console. */
export const FORWARDED_REQUEST_HEADERS = [
  "accept",
  "content-type",
  "accept-language",
  "if-none-match",
  "last-event-id",
  "x-request-id",
] as const;

/** Response headers worth passing back; content-length and content-encoding are dropped since fetch decodes. */
export const FORWARDED_RESPONSE_HEADERS = [
  "content-type",
  "content-disposition",
  "cache-control",
  "etag",
  "location",
  "retry-after",
  "x-request-id",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
] as const;
