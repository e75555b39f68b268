import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import type { z } from "zod";
import { proxyUrl, PROXY_PREFIX } from "@/api/client";
import { serverApiGet } from "./api-fetch";

type TQuery = Parameters<typeof proxyUrl>[1];

/** One query a view makes on its first render: the same key its hook uses, and the API call behind it. */
export type TPrefetch = { key: readonly unknown[]; path: string; query?: TQuery; schema: z.ZodType };

/**
 * Runs a view's first queries on the Console's server, in parallel, with the caller's session, so their data
 * arrives with the HTML instead of after the page's script has loaded. A failed call is left out: the browser
 * asks again and shows the error state as it would have.
 */
export async function prefetchQueries(entries: readonly TPrefetch[]): Promise<DehydratedState> {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  await Promise.all(
    entries.map((e) =>
      client.prefetchQuery({
        queryKey: e.key,
        queryFn: () => serverApiGet(proxyUrl(e.path, e.query).slice(PROXY_PREFIX.length), e.schema),
      }),
    ),
  );
  return dehydrate(client);
}
