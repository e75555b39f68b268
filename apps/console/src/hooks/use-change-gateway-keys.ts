import type { TCreateGatewayKey, TRotateGatewayKey } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createGatewayKey, revokeGatewayKey, rotateGatewayKey } from "@/api/gateway-keys";
import { useOrgKey } from "./use-org-key";

function useInvalidateKeys() {
  const client = useQueryClient();
  const queryKey = useOrgKey("gateway-keys");
  return () => client.invalidateQueries({ queryKey });
}

export function useCreateGatewayKey() {
  const onSuccess = useInvalidateKeys();
  return useMutation({ mutationFn: (body: TCreateGatewayKey) => createGatewayKey(body), onSuccess });
}

export function useRotateGatewayKey() {
  const onSuccess = useInvalidateKeys();
  return useMutation({
    mutationFn: (v: { id: string; body: TRotateGatewayKey }) => rotateGatewayKey(v.id, v.body),
    onSuccess,
  });
}

export function useRevokeGatewayKey() {
  const onSuccess = useInvalidateKeys();
  return useMutation({ mutationFn: (id: string) => revokeGatewayKey(id), onSuccess });
}
