import { Transform, type TransformCallback } from "node:stream";

const BATCH_BYTES = 64 * 1024;

/**
 * Encodes the formatter's small pieces of text (one per row) straight into ~64 KiB buffers, so hashing and
 * writing handle a few thousand chunks per export instead of one per row.
 */
export class TextBatcher extends Transform {
  private buffer = Buffer.allocUnsafe(BATCH_BYTES);
  private used = 0;

  constructor() {
    super({ writableObjectMode: true });
  }

  override _transform(piece: string, _encoding: BufferEncoding, done: TransformCallback) {
    // A UTF-8 character takes at most 3 bytes per UTF-16 code unit.
    if (this.used + piece.length * 3 > BATCH_BYTES) this.release();
    if (piece.length * 3 > BATCH_BYTES) this.push(Buffer.from(piece));
    else this.used += this.buffer.write(piece, this.used);
    done();
  }

  override _flush(done: TransformCallback) {
    this.release();
    done();
  }

  private release() {
    if (this.used === 0) return;
    this.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(BATCH_BYTES);
    this.used = 0;
  }
}
