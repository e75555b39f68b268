import type { IncomingMessage } from "node:http";
import { GatewayError, badRequest } from "./errors";

const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The request body's bytes (listeners rather than an async iterator: this runs on every request). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.off("data", onData).resume();
        reject(
          new GatewayError(
            413,
            "invalid_request_error",
            "payload_too_large",
            "request body is larger than 8 MiB",
          ),
        );
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once("error", reject);
    req.once("close", () => {
      if (!req.complete) reject(badRequest("the client closed the connection before the whole body arrived"));
    });
  });
}

/** The parsed body and its bytes. */
export async function readJsonBody(req: IncomingMessage): Promise<{ value: unknown; raw: Buffer }> {
  const raw = await readBody(req);
  const text = raw.toString("utf8");
  if (!text) throw badRequest("request body is empty: send a JSON chat completion request");
  try {
    return { value: JSON.parse(text), raw };
  } catch {
    throw badRequest("request body is not valid JSON");
  }
}
