import type { NextRequest } from "next/server";
import { apiBaseUrl } from "@/lib/server/config";
import { clientIp, errorResponse } from "@/lib/server/forwarding";

export const dynamic = "force-dynamic";

type TContext = { params: Promise<{ action: string }> };

/** The two public invite calls the accept page needs; signed-out visitors have no session for /api/kt. */
const ACTIONS = new Set(["preview", "accept"]);

/** Forwards `POST /api/invite/{preview|accept}` to `POST /v1/invites/{…}` without any credential. */
export async function POST(req: NextRequest, ctx: TContext): Promise<Response> {
  const { action } = await ctx.params;
  if (!ACTIONS.has(action))
    return errorResponse(404, "not_found", "Only /api/invite/preview and /api/invite/accept exist.");
  const origin = req.headers.get("origin");
  if (origin && new URL(origin).host !== req.headers.get("host"))
    return errorResponse(403, "forbidden", "Cross-site requests are refused.");
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/v1/invites/${action}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "x-forwarded-for": clientIp(req),
      },
      body: await req.text(),
      cache: "no-store",
    });
  } catch {
    return errorResponse(502, "unavailable", `Cannot reach the kt API at ${apiBaseUrl()}.`);
  }
  return new Response(await upstream.text(), {
    status: upstream.status,
    headers: { "content-type": upstream.headers.get("content-type") ?? "application/json" },
  });
}
