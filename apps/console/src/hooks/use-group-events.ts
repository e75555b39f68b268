import type { TEventGroupKey } from "@kt/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { groupEvents, type TEventFilterParams } from "@/api/events";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

/** Aggregates of events (`GET /v1/events?group_by=…`), e.g. requests per day and action. */
export function useGroupEvents(params: TEventFilterParams & { groupBy: readonly TEventGroupKey[]; limit?: number }) {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "event-groups", params),
    queryFn: ({ signal }) => groupEvents(params, signal),
    placeholderData: keepPreviousData,
  });
}
