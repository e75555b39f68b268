import { useQuery } from "@tanstack/react-query";
import { listApiTokens } from "@/api/api-tokens";
import { useOrgKey } from "./use-org-key";

export function useListApiTokens(status: "active" | "all") {
  const queryKey = useOrgKey("api-tokens", status);
  return useQuery({ queryKey, queryFn: ({ signal }) => listApiTokens(status, signal) });
}
