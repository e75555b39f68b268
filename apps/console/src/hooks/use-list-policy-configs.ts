import { useQuery } from "@tanstack/react-query";
import {
  diffPolicyConfig,
  getPolicyConfig,
  listPolicyConfigs,
  listPolicyConfigVersions,
} from "@/api/policy-configs";
import { useOrgKey } from "./use-org-key";

export function useListPolicyConfigs() {
  const queryKey = useOrgKey("policy-configs");
  return useQuery({ queryKey, queryFn: ({ signal }) => listPolicyConfigs(signal) });
}

export function useGetPolicyConfig(id: string) {
  const queryKey = useOrgKey("policy-configs", "detail", id);
  return useQuery({ queryKey, queryFn: ({ signal }) => getPolicyConfig(id, signal) });
}

export function useListPolicyConfigVersions(id: string) {
  const queryKey = useOrgKey("policy-configs", "versions", id);
  return useQuery({ queryKey, queryFn: ({ signal }) => listPolicyConfigVersions(id, signal) });
}

export function useDiffPolicyConfig(id: string, from: number | null, to: number | null) {
  const queryKey = useOrgKey("policy-configs", "diff", id, from, to);
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => diffPolicyConfig(id, from ?? 0, to ?? 0, signal),
    enabled: from !== null && to !== null && from !== to,
  });
}
