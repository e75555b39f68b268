import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { PassThrough, type Readable } from "node:stream";
import { ExportFileMissingError, type ExportStore, type ExportUpload } from "./export-store";

export type S3ExportStoreOptions = {
  bucket: string;
  prefix: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
};

/**
 * An S3-compatible bucket. Uploads are multipart (lib-storage `Upload`): the object exists only once the
 * upload completes, so a killed worker leaves no partial object (configure the bucket's
 * AbortIncompleteMultipartUpload lifecycle rule to reclaim orphaned parts).
 */
export class S3ExportStore implements ExportStore {
  readonly kind = "s3";
  private readonly client: S3Client;

  constructor(private readonly options: S3ExportStoreOptions) {
    const { region, endpoint, forcePathStyle, accessKeyId, secretAccessKey } = options;
    const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
    this.client = new S3Client({ region, endpoint, forcePathStyle, credentials });
  }

  async begin(key: string, contentType: string): Promise<ExportUpload> {
    const body = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: this.objectKey(key), Body: body, ContentType: contentType },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
      leavePartsOnError: false,
    });
    const done = upload.done();
    // A failed upload stops reading; destroying the sink fails the writer instead of leaving it stalled.
    done.catch((error: Error) => body.destroy(error));
    return {
      sink: body,
      commit: async () => {
        await done;
      },
      abort: async () => {
        body.destroy();
        await upload.abort().catch(() => undefined);
      },
    };
  }

  async open(key: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return object.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ExportFileMissingError(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  async prunePartials(): Promise<number> {
    return 0;
  }

  private objectKey(key: string) {
    return `${this.options.prefix}${key}`;
  }
}
