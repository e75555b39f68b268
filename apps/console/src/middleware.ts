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
  const login = new URL("/login", req.url);
  if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the log-in page, the session endpoint and static assets.
  matcher: ["/((?!login|api/session|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
