import { ZSession, type TLoginRequest } from "@kt/contract";
import { z } from "zod";
import { ApiError, apiErrorFromResponse } from "@/lib/api-error";

/** What the Console's session endpoint answers: the API's session without the token, which stays in the cookie. */
export const ZConsoleSession = ZSession.omit({ token: true });
export type TConsoleSession = z.infer<typeof ZConsoleSession>;

export async function login(credentials: TLoginRequest): Promise<TConsoleSession> {
  let res: Response;
  try {
    res = await fetch("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(credentials),
    });
  } catch {
    throw ApiError.unreachable("the Console server");
  }
  if (!res.ok) throw await apiErrorFromResponse(res);
  return ApiError.parseBody(ZConsoleSession, await res.json(), "/v1/auth/login");
}

export async function logout(): Promise<void> {
  const res = await fetch("/api/session", { method: "DELETE" });
  if (!res.ok) throw await apiErrorFromResponse(res);
}
