import type { TApiError } from "@kt/contract";

/** A failure the CLI reports and exits on; `body` is what `--json` prints. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly body: TApiError,
    readonly exitCode = 1,
  ) {
    super(message);
  }

  /** An error the API answered: printed exactly as the API wrote it. */
  static fromApi(status: number, body: TApiError): CliError {
    return new CliError(`${body.error.message} (${body.error.code}, HTTP ${status})`, body);
  }

  /** A failure on this side (unreachable API, bad flag, no credentials). */
  static local(code: TApiError["error"]["code"], message: string, details?: unknown): CliError {
    return new CliError(message, { error: { code, message, details } });
  }
}
