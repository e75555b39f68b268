import { useQuery } from "@tanstack/react-query";
import { listGatewayOptions, listTeamOptions } from "@/api/filter-options";
import { useSession } from "@/components/shell/session-context";
import { orgKey } from "./query-keys";

export function useListTeamOptions() {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "team-options"),
    queryFn: ({ signal }) => listTeamOptions(signal),
    staleTime: 5 * 60_000,
  });
}

export function useListGatewayOptions() {
  const orgId = useSession().org.id;
  return useQuery({
    queryKey: orgKey(orgId, "gateway-options"),
    queryFn: ({ signal }) => listGatewayOptions(signal),
    staleTime: 5 * 60_000,
  });
}
