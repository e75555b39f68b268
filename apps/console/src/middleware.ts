import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "./lib/session-cookie";

/** Signed-out visitors go to /login (pages) or get a JSON 401 (proxy calls); the API still checks every token. */
export function middleware(req: NextRequest): NextResponse {
  if (req.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const { pathname, search } = req.nextUrl;
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "unauthenticated", message: "You are signed out. Sign in again." } },
      { status: 401 },
    );
  }
  const next = pathname === "/" ? "" : `?next=${encodeURIComponent(`${pathname}${search}`)}`;
  // A relative Location keeps the host the browser used (127.0.0.1 vs localhost), and with it the cookie.
  return new NextResponse(null, { status: 307, headers: { location: `/login${next}` } });
}

export const config = {
  // Everything except the log-in page, the session endpoint and static assets.
  matcher: ["/((?!login|api/session|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
