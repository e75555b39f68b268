import { resolve } from "node:path";
import { z } from "zod";

const ZBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Every setting the API and worker read, validated once at boot. */
export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .default("postgresql://postgres@127.0.0.1:5432/kt"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// URL")
      .default("redis://127.0.0.1:6379"),
    /** Prefix for Redis keys and BullMQ queues, so several stacks (or test runs) can share one Redis. */
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]+$/i)
      .default("kt"),
    JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    JWT_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 86400)
      .default(12 * 3600),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, "must look like 512kb or 1mb")
      .default("1mb"),
    /** Event batches from gateways: up to 5,000 events of a few KB each. */
    INGEST_BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, "must look like 512kb or 16mb")
      .default("16mb"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
    LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(100),
    LOGIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    CONSOLE_URL: z.string().url().default("http://localhost:3000"),
    EXPORT_DIR: z.string().default(".kt/exports"),
    /** Days an export file is kept before the scheduled sweep removes it. */
    EXPORT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    /** How often the worker sweeps expired export files (and re-queues exports whose queue entry Redis lost). */
    EXPORT_SWEEP_EVERY_SECONDS: z.coerce.number().int().min(1).default(300),
    /** Tries per export job (transient failures) and the first retry delay, doubled each time. */
    EXPORT_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
    EXPORT_BACKOFF_MS: z.coerce.number().int().min(1).default(10_000),
    /** A job whose worker stops renewing its lock this long is retried by another worker. */
    EXPORT_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
    EXPORT_STALLED_CHECK_MS: z.coerce.number().int().min(500).default(30_000),
    /** S3-compatible bucket for export files; when unset, files go to EXPORT_DIR. */
    EXPORT_S3_BUCKET: z.string().min(3).optional(),
    EXPORT_S3_PREFIX: z.string().default("exports/"),
    EXPORT_S3_REGION: z.string().default("us-east-1"),
    /** For S3-compatible stores (MinIO, Ceph, R2); empty for AWS. */
    EXPORT_S3_ENDPOINT: z.string().url().optional(),
    EXPORT_S3_FORCE_PATH_STYLE: ZBool.default(false),
    /** Static credentials; without them the AWS SDK's default chain (env, profile, instance role) applies. */
    EXPORT_S3_ACCESS_KEY_ID: z.string().optional(),
    EXPORT_S3_SECRET_ACCESS_KEY: z.string().optional(),
    /**
     * Let webhooks reach private, loopback and link-local addresses (an internal receiver on the company network).
     * Off by default: org admins choose webhook URLs, and deliveries leave from inside the deployment.
     */
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: ZBool.default(false),
    /** Where the Prisma migrations are, to tell whether the database is current. */
    MIGRATIONS_DIR: z.string().default(resolve(__dirname, "../../../../prisma/migrations")),
    /** Which queues this process consumes (worker only); comma-separated, or "all". */
    WORKER_QUEUES: z.string().default("all"),
    /**
     * Which proxies' X-Forwarded-For to believe (Express "trust proxy"): the Console's server forwards
     * the browser's address from loopback by default. "false" to trust none.
     */
    TRUST_PROXY: z
      .string()
      .default("loopback")
      .transform((v) => (v === "false" || v === "0" ? false : v === "true" || v === "1" ? true : v)),
  })
  .transform((env, ctx) => {
    if (!env.JWT_SECRET && env.NODE_ENV === "production") {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "is required in production" });
    }
    return { ...env, JWT_SECRET: env.JWT_SECRET ?? "kt-development-only-secret-change-me-0123456789" };
  });
export type TEnv = z.infer<typeof ZEnv>;

/** Parses the environment; on a bad value prints each offending variable and exits. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
}

export const ENV = Symbol("ENV");
