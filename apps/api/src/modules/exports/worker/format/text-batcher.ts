import { Transform, type TransformCallback } from "node:stream";

const BATCH_CHARS = 64 * 1024;

/**
 * Joins the formatter's small pieces of text (one per row) into ~64 KiB buffers, so hashing and writing
 * handle a few thousand chunks per export instead of one per row.
 */
export class TextBatcher extends Transform {
  private parts: string[] = [];
  private chars = 0;

  constructor() {
    super({ writableObjectMode: true });
  }

  override _transform(piece: string, _encoding: BufferEncoding, done: TransformCallback) {
    this.parts.push(piece);
    this.chars += piece.length;
    if (this.chars >= BATCH_CHARS) this.release();
    done();
  }

  override _flush(done: TransformCallback) {
    this.release();
    done();
  }

  private release() {
    if (this.chars === 0) return;
    this.push(Buffer.from(this.parts.join("")));
    this.parts = [];
    this.chars = 0;
  }
}
