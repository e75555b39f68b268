import type { NextFunction, Request, RequestHandler, Response } from "express";
import express from "express";
import { AppError } from "../errors/app-error";

/** Media types a request body may have; everything else is a 415 that says what to send. */
const JSON_TYPES = ["application/json", "application/*+json"];

/**
 * The JSON body parser, with its failures turned into AppErrors that say what to fix. (Nest rewrites
 * the parser's own SyntaxError into a bare 400 carrying only the parser's message.)
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit, type: JSON_TYPES });
  return (req, res, next) => parse(req, res, (err?: unknown) => next(err ? parserError(err) : undefined));
}

function parserError(err: unknown): unknown {
  const e = err as { type?: string; status?: number; message?: string; limit?: number; charset?: string };
  switch (e.type) {
    case "entity.parse.failed":
      return new AppError(
        "bad_request",
        `Malformed JSON body: ${e.message}. Send a JSON object, e.g. {"name": "value"}`,
      );
    case "entity.too.large":
      return new AppError("payload_too_large", `Request body too large: the limit is ${e.limit} bytes`);
    case "charset.unsupported":
      return new AppError(
        "unsupported_media_type",
        `Unsupported charset "${e.charset}": send the body as UTF-8`,
      );
    case "encoding.unsupported":
      return new AppError(
        "unsupported_media_type",
        `${e.message}: send the body uncompressed or gzip/deflate/br-encoded`,
      );
    case "request.aborted":
    case "request.size.invalid":
      return new AppError("bad_request", `The request body was incomplete (${e.message})`);
    default:
      return typeof e.status === "number" && e.status >= 400 && e.status < 500
        ? new AppError("bad_request", `Unreadable request body: ${e.message}`)
        : err;
  }
}

/** A body of any other type would reach validation as "nothing", so say what was wrong instead. */
export function requireJsonContentType(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
  if (!hasBody || req.is(JSON_TYPES)) return next();
  const given = req.headers["content-type"] ?? "none";
  next(
    new AppError(
      "unsupported_media_type",
      `Send the request body as JSON with Content-Type: application/json (got ${given})`,
    ),
  );
}
