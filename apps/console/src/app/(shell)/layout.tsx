import type { TMe } from "@kt/contract";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Header } from "@/components/shell/header";
import { SessionProvider } from "@/components/shell/session-context";
import { Sidebar } from "@/components/shell/sidebar";
import { ApiError } from "@/lib/api-error";
import { getMe } from "@/lib/server/get-me";
import { REQUESTED_PATH_HEADER } from "@/lib/session-cookie";
import { ShellUnavailable } from "./shell-unavailable";

export const dynamic = "force-dynamic";

/** The signed-in frame: resolves the caller once on the server, so the role is known before first paint. */
export default async function ShellLayout({ children }: { children: ReactNode }) {
  let me: TMe;
  try {
    me = await getMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) redirect(await loginUrl());
    return (
      <ShellUnavailable message={error instanceof Error ? error.message : "The API could not be reached."} />
    );
  }
  return (
    <SessionProvider me={me}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <Sidebar role={me.role} />
        <Header me={me} />
        <main id="main" className="shell-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </SessionProvider>
  );
}

/** Relative, so the browser stays on the host it used (and keeps its cookie); `next` brings it back after. */
async function loginUrl(): Promise<string> {
  const requested = (await headers()).get(REQUESTED_PATH_HEADER);
  if (!requested || requested === "/") return "/login";
  return `/login?next=${encodeURIComponent(requested)}`;
}
