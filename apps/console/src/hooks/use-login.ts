import { useMutation } from "@tanstack/react-query";
import { login } from "@/api/session";

export function useLogin() {
  return useMutation({ mutationFn: login });
}
