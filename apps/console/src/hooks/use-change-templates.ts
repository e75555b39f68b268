import type { TUpdateTemplate } from "@kt/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteTemplate, updateTemplate } from "@/api/templates";
import { useOrgKey } from "./use-org-key";

function useInvalidateTemplates() {
  const client = useQueryClient();
  const queryKey = useOrgKey("templates");
  return () => client.invalidateQueries({ queryKey });
}

export function useUpdateTemplate() {
  const onSuccess = useInvalidateTemplates();
  return useMutation({
    mutationFn: (v: { id: string; body: TUpdateTemplate }) => updateTemplate(v.id, v.body),
    onSuccess,
  });
}

export function useDeleteTemplate() {
  const onSuccess = useInvalidateTemplates();
  return useMutation({ mutationFn: (id: string) => deleteTemplate(id), onSuccess });
}
