import { RequestMethod, type DynamicModule } from "@nestjs/common";
import { randomUUID } from "node:crypto";
import { LoggerModule } from "nestjs-pino";
import type { DestinationStream } from "pino";
import type { TEnv } from "../../config/env";
import { REDACTED_PATHS, scrubRequest, scrubSecrets } from "./redact";

/**
 * Structured JSON logs (pino) with a request id on every line: the caller's `x-request-id` when it is
 * sane, a fresh UUID otherwise, echoed in the response. Secrets are redacted by header and by shape.
 * `destination` lets tests read the lines; stdout otherwise.
 */
export function loggerModule(env: TEnv, destination?: DestinationStream): DynamicModule {
  const options = {
    level: env.LOG_LEVEL,
    genReqId: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
      res.setHeader("x-request-id", id);
      return id;
    },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: {
      req: scrubRequest,
      err: (err: Error) => ({
        type: err?.constructor?.name,
        message: scrubSecrets(String(err?.message)),
        stack: scrubSecrets(String(err?.stack)),
      }),
    },
    autoLogging: { ignore: (req: import("node:http").IncomingMessage) => req.url === "/v1/healthz" },
  };
  return LoggerModule.forRoot({
    // A named wildcard: the default "*" makes Nest 11 warn (LegacyRouteConverter) under the /v1 prefix.
    forRoutes: [{ path: "{*path}", method: RequestMethod.ALL }],
    pinoHttp: destination ? [options, destination] : options,
  });
}
