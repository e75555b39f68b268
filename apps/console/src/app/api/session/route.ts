import { ZSession } from "@kt/contract";
import { NextResponse, type NextRequest } from "next/server";
import { apiBaseUrl, cookieSecure } from "@/lib/server/config";
import { clientIp, errorResponse } from "@/lib/server/forwarding";
import { SESSION_COOKIE } from "@/lib/session-cookie";

export const dynamic = "force-dynamic";

/** Signs in: forwards the credentials to the API and keeps the JWT in an httpOnly cookie, never in the page. */
export async function POST(req: NextRequest): Promise<Response> {
  const body = await req.text();
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/v1/auth/login`, {
      method: "POST",
      headers: {
        "content-type": req.headers.get("content-type") ?? "application/json",
        accept: "application/json",
        "x-forwarded-for": clientIp(req),
      },
      body,
      cache: "no-store",
    });
  } catch {
    return errorResponse(502, "unavailable", `Cannot reach the kt API at ${apiBaseUrl()}.`);
  }
  const text = await upstream.text();
  if (!upstream.ok) {
    return new Response(text, { status: upstream.status, headers: { "content-type": "application/json" } });
  }
  const parsed = ZSession.safeParse(safeJson(text));
  if (!parsed.success)
    return errorResponse(502, "internal", "The API's log-in answer does not match the contract.");
  const { token, ...session } = parsed.data;
  const res = NextResponse.json(session);
  res.cookies.set({
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: "lax",
    secure: cookieSecure(),
    path: "/",
    expires: new Date(session.expiresAt),
  });
  return res;
}

/** Signs out: the JWT is stateless, so forgetting the cookie ends the Console session. */
export async function DELETE(): Promise<Response> {
  const res = new NextResponse(null, { status: 204 });
  res.cookies.set({ name: SESSION_COOKIE, value: "", httpOnly: true, sameSite: "lax", path: "/", maxAge: 0 });
  return res;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
