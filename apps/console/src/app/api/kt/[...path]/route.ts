import type { NextRequest } from "next/server";
import { apiBaseUrl } from "@/lib/server/config";
import {
  FORWARDED_REQUEST_HEADERS,
  FORWARDED_RESPONSE_HEADERS,
  clientIp,
  errorResponse,
} from "@/lib/server/forwarding";
import { SESSION_COOKIE } from "@/lib/session-cookie";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

type TContext = { params: Promise<{ path: string[] }> };

/**
 * Same-origin proxy to the API: the browser never sees the JWT; this handler adds it from the httpOnly cookie.
 * Bodies stream both ways, so server-sent events (live tail) and downloads pass through unbuffered.
 */
async function proxy(req: NextRequest, ctx: TContext): Promise<Response> {
  const { path } = await ctx.params;
  if (path[0] !== "v1") return errorResponse(404, "not_found", "Only /api/kt/v1/… is forwarded to the API.");
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  if (!token) return errorResponse(401, "unauthenticated", "You are signed out. Sign in again.");
  if (isCrossSiteWrite(req)) return errorResponse(403, "forbidden", "Cross-site requests are refused.");

  const target = `${apiBaseUrl()}/${path.map(encodeURIComponent).join("/")}${req.nextUrl.search}`;
  const headers = new Headers({ authorization: `Bearer ${token}`, "x-forwarded-for": clientIp(req) });
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && req.body !== null;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: req.method,
      headers,
      body: hasBody ? req.body : undefined,
      // Node's fetch needs half-duplex to stream a request body.
      ...(hasBody ? { duplex: "half" } : {}),
      signal: req.signal,
      cache: "no-store",
      redirect: "manual",
    } as RequestInit);
  } catch {
    if (req.signal.aborted) return new Response(null, { status: 499 });
    return errorResponse(502, "unavailable", `Cannot reach the kt API at ${apiBaseUrl()}.`);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders(upstream) });
}

function responseHeaders(upstream: Response): Headers {
  const out = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) out.set(name, value);
  }
  if (upstream.headers.get("content-type")?.startsWith("text/event-stream")) {
    // no-transform keeps Next's gzip from holding events back; the other two stop intermediaries buffering.
    out.set("cache-control", "no-cache, no-transform");
    out.set("x-accel-buffering", "no");
  }
  return out;
}

/** SameSite=Lax already keeps the cookie off cross-site POSTs; checking Origin is a second wall. */
function isCrossSiteWrite(req: NextRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const origin = req.headers.get("origin");
  if (!origin) return false;
  return origin !== req.nextUrl.origin && new URL(origin).host !== req.headers.get("host");
}

export { proxy as GET, proxy as POST, proxy as PUT, proxy as PATCH, proxy as DELETE };
