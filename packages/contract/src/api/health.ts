import { z } from "zod";

/** GET /v1/healthz: the process is up. */
export const ZHealth = z.object({ status: z.literal("ok"), uptimeSeconds: z.number() });
export type THealth = z.infer<typeof ZHealth>;

export const ZReadinessCheck = z.object({
  /** postgres, redis, migrations today; clients must accept new names. */
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
  hint: z.string().optional(),
});
export type TReadinessCheck = z.infer<typeof ZReadinessCheck>;

/** GET /v1/readyz: 200 when every check passes, 503 otherwise, with the same body. */
export const ZReadiness = z.object({
  status: z.enum(["ok", "unavailable"]),
  checks: z.array(ZReadinessCheck),
  time: z.string(),
});
export type TReadiness = z.infer<typeof ZReadiness>;
