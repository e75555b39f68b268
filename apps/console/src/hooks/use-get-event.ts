import { useQuery } from "@tanstack/react-query";
import { getEvent } from "@/api/events";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

export function useGetEvent(id: string | null) {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "event", id),
    queryFn: ({ signal }) => getEvent(id ?? "", signal),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
