import type { TCreateApiToken } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createApiToken, revokeApiToken } from "@/api/api-tokens";
import { useOrgKey } from "./use-org-key";

function useInvalidateTokens() {
  const client = useQueryClient();
  const queryKey = useOrgKey("api-tokens");
  return () => client.invalidateQueries({ queryKey });
}

export function useCreateApiToken() {
  const onSuccess = useInvalidateTokens();
  return useMutation({ mutationFn: (body: TCreateApiToken) => createApiToken(body), onSuccess });
}

export function useRevokeApiToken() {
  const onSuccess = useInvalidateTokens();
  return useMutation({ mutationFn: (id: string) => revokeApiToken(id), onSuccess });
}
