import { useQuery } from "@tanstack/react-query";
import { listGateways } from "@/api/gateways";
import { useOrgKey } from "./use-org-key";

/** Refreshed every 15 s: health is derived from heartbeats, so a stale list would mislead. */
export function useListGateways() {
  const queryKey = useOrgKey("gateways");
  return useQuery({ queryKey, queryFn: ({ signal }) => listGateways(signal), refetchInterval: 15_000 });
}
