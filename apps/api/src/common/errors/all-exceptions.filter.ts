import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from "@nestjs/common";
import { ERROR_HTTP_STATUS, type TApiError, type TErrorCode } from "@kt/contract";
import type { Request, Response } from "express";
import { ZodValidationException } from "nestjs-zod";
import { ZodError } from "zod";
import { Prisma } from "@kt/db";
import { AppError } from "./app-error";

type Mapped = { code: TErrorCode; message: string; details?: unknown };

function fromZod(error: ZodError, where: string): Mapped {
  const issues = error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].join("."),
    message:
      i.path.length === 0 && i.code === "invalid_type"
        ? `${i.message}: send a JSON object with Content-Type: application/json`
        : i.message,
  }));
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path} ${i.message}`)
    .join("; ");
  return { code: "validation_failed", message: `Invalid request: ${summary}`, details: { issues } };
}

/** Express-level errors carry a status (body reading is mapped earlier, in common/http/json-body.ts). */
function fromHttpLike(error: any, req: Request): Mapped | null {
  const status = Number(error?.status ?? error?.statusCode);
  if (!(status >= 400 && status < 500)) return null;
  if (status === 404) return { code: "not_found", message: `No route ${req.method} ${req.path}` };
  if (status === 413) return { code: "payload_too_large", message: "Request body too large" };
  if (status === 415) return { code: "unsupported_media_type", message: String(error.message) };
  return {
    code: status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : "bad_request",
    message: String(error.message),
  };
}

function fromPrisma(error: Prisma.PrismaClientKnownRequestError): Mapped | null {
  switch (error.code) {
    case "P2002":
      return {
        code: "conflict",
        message: "A resource with the same unique fields already exists",
        details: error.meta,
      };
    case "P2025":
      return { code: "not_found", message: "Resource not found" };
    case "P2003":
      return { code: "bad_request", message: "A referenced resource does not exist" };
    default:
      return null;
  }
}

/** One place that turns every error into `{ error: { code, message, details } }`. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger("Errors");

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const mapped = this.map(exception, req);
    const status = ERROR_HTTP_STATUS[mapped.code];
    if (status >= 500) {
      this.logger.error({ err: exception, requestId: (req as any).id }, "unhandled error");
    }
    if (res.headersSent) return void res.end();
    const body: TApiError = {
      error: { code: mapped.code, message: mapped.message, details: mapped.details },
    };
    res.status(status).json(body);
  }

  private map(exception: unknown, req: Request): Mapped {
    if (exception instanceof AppError) {
      return { code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError();
      if (zodError instanceof ZodError) return fromZod(zodError, "request");
    }
    if (exception instanceof ZodError) return fromZod(exception, "request");
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      const m = fromPrisma(exception);
      if (m) return m;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return { code: "not_found", message: `No route ${req.method} ${req.path}` };
      const m = fromHttpLike({ status, message: exception.message }, req);
      if (m) return m;
    }
    const m = fromHttpLike(exception, req);
    if (m) return m;
    return {
      code: "internal",
      message: `Internal error; quote request id ${(req as any).id ?? "unknown"} when reporting it`,
    };
  }
}
