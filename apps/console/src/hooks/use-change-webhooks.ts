import type { TCreateWebhook } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createWebhook, deleteWebhook, setWebhookDisabled, testWebhook } from "@/api/webhooks";
import { useOrgKey } from "./use-org-key";

function useInvalidateWebhooks() {
  const client = useQueryClient();
  const queryKey = useOrgKey("webhooks");
  return () => client.invalidateQueries({ queryKey });
}

export function useCreateWebhook() {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({ mutationFn: (body: TCreateWebhook) => createWebhook(body), onSuccess });
}

export function useSetWebhookDisabled() {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (v: { id: string; disabled: boolean }) => setWebhookDisabled(v.id, v.disabled),
    onSuccess,
  });
}

export function useDeleteWebhook() {
  const onSuccess = useInvalidateWebhooks();
  return useMutation({ mutationFn: (id: string) => deleteWebhook(id), onSuccess });
}

export function useTestWebhook() {
  return useMutation({ mutationFn: (id: string) => testWebhook(id) });
}
