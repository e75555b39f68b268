import type { TCreateGateway } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { assignGatewayConfig, createGateway, rotateGatewayCredential } from "@/api/gateways";
import { useOrgKey } from "./use-org-key";

function useInvalidateGateways() {
  const client = useQueryClient();
  const gateways = useOrgKey("gateways");
  const configs = useOrgKey("policy-configs");
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: gateways }),
      client.invalidateQueries({ queryKey: configs }),
    ]);
}

export function useCreateGateway() {
  const onSuccess = useInvalidateGateways();
  return useMutation({ mutationFn: (body: TCreateGateway) => createGateway(body), onSuccess });
}

export function useAssignGatewayConfig() {
  const onSuccess = useInvalidateGateways();
  return useMutation({
    mutationFn: (v: { gatewayId: string; policyConfigId: string | null }) =>
      assignGatewayConfig(v.gatewayId, v.policyConfigId),
    onSuccess,
  });
}

export function useRotateGatewayCredential() {
  const onSuccess = useInvalidateGateways();
  return useMutation({ mutationFn: (id: string) => rotateGatewayCredential(id), onSuccess });
}
