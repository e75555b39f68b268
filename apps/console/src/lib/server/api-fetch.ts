import { cookies } from "next/headers";
import type { z } from "zod";
import { ApiError, apiErrorFromResponse } from "../api-error";
import { SESSION_COOKIE } from "../session-cookie";
import { apiBaseUrl } from "./config";

/** Calls the API from the Console's server with the caller's session, validating the answer against `schema`. */
export async function serverApiGet<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) throw new ApiError({ status: 401, code: "unauthenticated", message: "You are signed out." });
  let res: Response;
  try {
    res = await fetch(`${apiBaseUrl()}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      cache: "no-store",
    });
  } catch {
    throw ApiError.unreachable(apiBaseUrl());
  }
  if (!res.ok) throw await apiErrorFromResponse(res);
  return ApiError.parseBody(schema, await res.json(), path);
}
