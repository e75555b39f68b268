import { z } from "zod";

/** A gateway's `GET /healthz` answer (200 once a config is applied, 503 while starting). */
export const ZGatewayHealth = z.object({
  status: z.enum(["ok", "starting"]),
  configVersion: z.number().int().nullable(),
  /** Events written to the disk spool and not yet acknowledged by the control plane (or the events file). */
  spoolDepth: z.number().int(),
  uptimeSeconds: z.number().int(),
});
export type TGatewayHealth = z.infer<typeof ZGatewayHealth>;

/** `GET /v1/models` as the gateway answers it (OpenAI's list shape). */
export const ZGatewayModelList = z.object({
  object: z.literal("list"),
  data: z.array(z.object({ id: z.string(), object: z.literal("model"), owned_by: z.string() })),
});
