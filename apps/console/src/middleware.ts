import { NextResponse, type NextRequest } from "next/server";
import { REQUESTED_PATH_HEADER, SESSION_COOKIE } from "./lib/session-cookie";

/**
 * Signed-out proxy calls get a JSON 401 here. Signed-out page visits are redirected to /login by the shell's
 * layout: a redirect from middleware would go through NextURL, which rewrites 127.0.0.1 to localhost, and
 * the session cookie (set for the host the browser used) would not follow.
 */
export function middleware(req: NextRequest): NextResponse {
  const { pathname, search } = req.nextUrl;
  if (pathname.startsWith("/api/")) {
    if (req.cookies.has(SESSION_COOKIE)) return NextResponse.next();
    return NextResponse.json(
      { error: { code: "unauthenticated", message: "You are signed out. Sign in again." } },
      { status: 401 },
    );
  }
  const headers = new Headers(req.headers);
  headers.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything except the public pages (log-in, accept-invite), their endpoints and static assets.
  matcher: ["/((?!login|accept-invite|api/session|api/invite/|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
