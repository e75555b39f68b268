import type { TTemplateOverrides } from "@kt/contract";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createConfigFromTemplate, listTemplates, renderTemplate } from "@/api/templates";
import type { TCreateConfigFromTemplate } from "@kt/contract";
import { useOrgKey } from "./use-org-key";

export function useListTemplates() {
  const queryKey = useOrgKey("templates");
  return useQuery({ queryKey, queryFn: ({ signal }) => listTemplates(signal), staleTime: 5 * 60_000 });
}

export function useRenderTemplate() {
  return useMutation({
    mutationFn: (v: { id: string; overrides: TTemplateOverrides }) => renderTemplate(v.id, v.overrides),
  });
}

export function useCreateConfigFromTemplate() {
  const client = useQueryClient();
  const queryKey = useOrgKey("policy-configs");
  return useMutation({
    mutationFn: (v: { id: string; body: TCreateConfigFromTemplate }) =>
      createConfigFromTemplate(v.id, v.body),
    onSuccess: () => client.invalidateQueries({ queryKey }),
  });
}
