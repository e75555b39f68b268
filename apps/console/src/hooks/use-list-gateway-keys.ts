import { useQuery } from "@tanstack/react-query";
import { listGatewayKeys } from "@/api/gateway-keys";
import { useOrgKey } from "./use-org-key";

export function useListGatewayKeys() {
  const queryKey = useOrgKey("gateway-keys");
  return useQuery({ queryKey, queryFn: ({ signal }) => listGatewayKeys(signal) });
}
