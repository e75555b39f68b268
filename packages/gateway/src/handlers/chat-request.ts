import { z } from "zod";
import { badRequest } from "../http/errors";
import type { TChatRequest } from "../http/openai-types";

const ZContentPart = z.looseObject({ type: z.string() });
const ZMessage = z.looseObject({
  role: z.string().min(1),
  content: z.union([z.string(), z.array(ZContentPart), z.null()]).optional(),
});

/** The fields the gateway relies on; everything else is passed to the provider as sent. */
export const ZChatRequestBody = z.looseObject({
  model: z.string({ error: "model is required (e.g. \"gpt-4o-mini\")" }).min(1, "model must not be empty"),
  messages: z.array(ZMessage, { error: "messages must be an array of {role, content}" }).min(1, "messages must not be empty"),
  stream: z.boolean().optional(),
  user: z.string().optional(),
});

export function parseChatRequest(body: unknown): TChatRequest {
  const parsed = ZChatRequestBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join(".") + ": " : "";
    throw badRequest(`${where}${issue.message}`, "invalid_request_body");
  }
  return parsed.data as TChatRequest;
}
