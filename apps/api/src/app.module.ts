import { DynamicModule, Module } from "@nestjs/common";
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from "@nestjs/core";
import { JwtModule } from "@nestjs/jwt";
import { PassportModule } from "@nestjs/passport";
import type { DestinationStream } from "pino";
import { ZodSerializerInterceptor, ZodValidationPipe } from "nestjs-zod";
import type { TEnv } from "./config/env";
import { EnvModule } from "./config/env.module";
import { ApiTokenAuthenticator } from "./common/auth/api-token.authenticator";
import { AuthGuard } from "./common/auth/auth.guard";
import { RouteAccessCheck } from "./common/auth/route-access.check";
import { GatewayCredentialGuard } from "./common/auth/gateway-credential.guard";
import { JwtStrategy } from "./common/auth/jwt.strategy";
import { DbModule } from "./common/db/db.module";
import { HttpBodyModule } from "./common/http/http-body.module";
import { loggerModule } from "./common/logging/logger.module";
import { AllExceptionsFilter } from "./common/errors/all-exceptions.filter";
import { RedisModule } from "./common/redis/redis.module";
import { FEATURE_MODULES } from "./feature-modules";

export { REDACTED_PATHS } from "./common/logging/redact";

export type AppOptions = {
  /** Where log lines go (tests read them); stdout otherwise. */
  logDestination?: DestinationStream;
};

@Module({})
export class AppModule {
  static forRoot(env: TEnv, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EnvModule.forRoot(env),
        loggerModule(env, options.logDestination),
        // After the (global) logger, so requests refused while reading the body still get a request id.
        HttpBodyModule,
        DbModule,
        RedisModule,
        PassportModule,
        JwtModule.register({ global: true, secret: env.JWT_SECRET, signOptions: { algorithm: "HS256" } }),
        ...FEATURE_MODULES,
      ],
      providers: [
        JwtStrategy,
        RouteAccessCheck,
        ApiTokenAuthenticator,
        GatewayCredentialGuard,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
