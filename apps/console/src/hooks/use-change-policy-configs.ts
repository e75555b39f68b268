import type { TCreatePolicyConfig, TRollbackPolicyConfig, TSavePolicyConfigVersion } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createPolicyConfig, rollbackPolicyConfig, savePolicyConfigVersion } from "@/api/policy-configs";
import { useOrgKey } from "./use-org-key";

function useInvalidateConfigs() {
  const client = useQueryClient();
  const configs = useOrgKey("policy-configs");
  const gateways = useOrgKey("gateways");
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: configs }),
      client.invalidateQueries({ queryKey: gateways }),
    ]);
}

export function useCreatePolicyConfig() {
  const onSuccess = useInvalidateConfigs();
  return useMutation({ mutationFn: (body: TCreatePolicyConfig) => createPolicyConfig(body), onSuccess });
}

export function useSavePolicyConfigVersion() {
  const onSuccess = useInvalidateConfigs();
  return useMutation({
    mutationFn: (v: { id: string; body: TSavePolicyConfigVersion }) => savePolicyConfigVersion(v.id, v.body),
    onSuccess,
  });
}

export function useRollbackPolicyConfig() {
  const onSuccess = useInvalidateConfigs();
  return useMutation({
    mutationFn: (v: { id: string; body: TRollbackPolicyConfig }) => rollbackPolicyConfig(v.id, v.body),
    onSuccess,
  });
}
