import type { TErrorCode } from "@kt/contract";

/** The one error type the API throws on purpose; the global filter maps `code` to HTTP. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static notFound(resource: string) {
    return new AppError("not_found", `${resource} not found`);
  }

  static forbidden(message = "Your role does not allow this action") {
    return new AppError("forbidden", message);
  }
}
