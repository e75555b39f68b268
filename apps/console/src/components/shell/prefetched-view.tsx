import type { TMe } from "@kt/contract";
import { HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { getMe } from "@/lib/server/get-me";
import { prefetchQueries, type TPrefetch } from "@/lib/server/prefetch";
import type { TSearchParams } from "@/lib/server/view-prefetch";

type TPrefetchedViewProps = {
  searchParams: Promise<TSearchParams>;
  /** The queries the view asks first, with the same keys as its browser hooks. */
  prefetch: (me: TMe, searchParams: TSearchParams) => TPrefetch[];
  children: ReactNode;
};

/**
 * A view with its first data fetched here on the server, so the data arrives with the HTML instead of after
 * the page's script has loaded and run. Render it under <Suspense>: it streams under the page's frame, which
 * the browser gets (with its styles and scripts to load) while the API answers.
 */
export async function PrefetchedView({ searchParams, prefetch, children }: TPrefetchedViewProps) {
  // Signed out or API down: the shell layout shows that; the view then asks from the browser as usual.
  const me = await getMe().catch(() => null);
  const state = await prefetchQueries(me ? prefetch(me, await searchParams) : []);
  return <HydrationBoundary state={state}>{children}</HydrationBoundary>;
}
