import { Inject, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from "@nestjs/common";
import { ENV, type TEnv } from "../../config/env";
import { jsonBody, requireJsonContentType } from "./json-body";
import { rejectUnsafeText } from "./unsafe-text";

/**
 * Reads request bodies: JSON only, within BODY_LIMIT, with text PostgreSQL can store. Mounted as
 * Nest middleware (the app is created with `bodyParser: false`), so it runs after the request logger.
 */
@Module({})
export class HttpBodyModule implements NestModule {
  constructor(@Inject(ENV) private readonly env: TEnv) {}

  configure(consumer: MiddlewareConsumer) {
    consumer
      .apply(requireJsonContentType, jsonBody(this.env.BODY_LIMIT), rejectUnsafeText)
      .forRoutes({ path: "{*path}", method: RequestMethod.ALL });
  }
}
