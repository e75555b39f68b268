import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listEvents, type TEventFilterParams } from "@/api/events";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

/** One page of events, newest first; `cursor` is the previous page's `nextCursor`. */
export function useListEvents(params: TEventFilterParams & { limit?: number; cursor?: string }) {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "events", params),
    queryFn: ({ signal }) => listEvents(params, signal),
    placeholderData: keepPreviousData,
  });
}
