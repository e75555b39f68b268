import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from "@nestjs/common";
import { GATEWAY_ROUTES } from "@kt/contract";
import type { NextFunction, Request, Response } from "express";
import { ENV, type TEnv } from "../../config/env";
import { jsonBody, requireJsonContentType } from "./json-body";
import { rejectUnsafeText } from "./unsafe-text";

/**
 * Reads request bodies: JSON only, within BODY_LIMIT (INGEST_BODY_LIMIT for gateways' event batches),
 * with text PostgreSQL can store. Mounted as
 * Nest middleware (the app is created with `bodyParser: false`), so it runs after the request logger.
 */
@Module({})
export class HttpBodyModule implements NestModule {
  constructor(@Inject(ENV) private readonly env: TEnv) {}

  configure(consumer: MiddlewareConsumer) {
    const general = jsonBody(this.env.BODY_LIMIT);
    const ingest = jsonBody(this.env.INGEST_BODY_LIMIT);
    const bySize = (req: Request, res: Response, next: NextFunction) =>
      (req.originalUrl.split("?")[0] === GATEWAY_ROUTES.ingest ? ingest : general)(req, res, next);
    consumer
      .apply(requireJsonContentType, bySize, rejectUnsafeText)
      .forRoutes({ path: "{*path}", method: RequestMethod.ALL });
  }
}
