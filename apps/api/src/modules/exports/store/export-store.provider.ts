import type { Provider } from "@nestjs/common";
import { ENV, type TEnv } from "../../../config/env";
import { EXPORT_STORE, type ExportStore } from "./export-store";
import { LocalExportStore } from "./local-export-store";

/** The bucket when EXPORT_S3_BUCKET is set, otherwise EXPORT_DIR. */
export async function createExportStore(env: TEnv): Promise<ExportStore> {
  if (!env.EXPORT_S3_BUCKET) return new LocalExportStore(env.EXPORT_DIR);
  // Loaded only when configured: the AWS SDK is a sizeable share of an idle worker's memory.
  const { S3ExportStore } = await import("./s3-export-store");
  return new S3ExportStore({
    bucket: env.EXPORT_S3_BUCKET,
    prefix: env.EXPORT_S3_PREFIX,
    region: env.EXPORT_S3_REGION,
    endpoint: env.EXPORT_S3_ENDPOINT,
    forcePathStyle: env.EXPORT_S3_FORCE_PATH_STYLE,
    accessKeyId: env.EXPORT_S3_ACCESS_KEY_ID,
    secretAccessKey: env.EXPORT_S3_SECRET_ACCESS_KEY,
  });
}

export const ExportStoreProvider: Provider = { provide: EXPORT_STORE, useFactory: createExportStore, inject: [ENV] };
