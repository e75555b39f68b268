import {
  ZAcceptedInvite,
  ZInvitePreview,
  type TAcceptInvite,
  type TAcceptedInvite,
  type TInvitePreview,
} from "@kt/contract";
import type { z } from "zod";
import { ApiError, apiErrorFromResponse } from "@/lib/api-error";

/** Invite calls are public: they go through /api/invite, which forwards them without a session. */
async function postPublic<T extends z.ZodType>(
  action: string,
  body: unknown,
  schema: T,
): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/invite/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw ApiError.unreachable("the Console server");
  }
  if (!res.ok) throw await apiErrorFromResponse(res);
  return ApiError.parseBody(schema, await res.json(), `/v1/invites/${action}`);
}

export function previewInvite(token: string): Promise<TInvitePreview> {
  return postPublic("preview", { token }, ZInvitePreview);
}

export function acceptInvite(input: TAcceptInvite): Promise<TAcceptedInvite> {
  return postPublic("accept", input, ZAcceptedInvite);
}
