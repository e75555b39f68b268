import { DynamicModule, Module, RequestMethod } from "@nestjs/common";
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from "@nestjs/core";
import { JwtModule } from "@nestjs/jwt";
import { PassportModule } from "@nestjs/passport";
import { randomUUID } from "node:crypto";
import { LoggerModule } from "nestjs-pino";
import { ZodSerializerInterceptor, ZodValidationPipe } from "nestjs-zod";
import { ENV, type TEnv } from "./config/env";
import { ApiTokenAuthenticator } from "./common/auth/api-token.authenticator";
import { AuthGuard } from "./common/auth/auth.guard";
import { RouteAccessCheck } from "./common/auth/route-access.check";
import { GatewayCredentialGuard } from "./common/auth/gateway-credential.guard";
import { JwtStrategy } from "./common/auth/jwt.strategy";
import { DbModule } from "./common/db/db.module";
import { HttpBodyModule } from "./common/http/http-body.module";
import { AllExceptionsFilter } from "./common/errors/all-exceptions.filter";
import { RedisModule } from "./common/redis/redis.module";
import { FEATURE_MODULES } from "./feature-modules";

/** Headers whose values never reach a log line. */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

@Module({})
export class EnvModule {
  static forRoot(env: TEnv): DynamicModule {
    return { module: EnvModule, global: true, providers: [{ provide: ENV, useValue: env }], exports: [ENV] };
  }
}

@Module({})
export class AppModule {
  static forRoot(env: TEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        EnvModule.forRoot(env),
        LoggerModule.forRoot({
          // A named wildcard: the default "*" makes Nest 11 warn (LegacyRouteConverter) under the /v1 prefix.
          forRoutes: [{ path: "{*path}", method: RequestMethod.ALL }],
          pinoHttp: {
            level: env.LOG_LEVEL,
            genReqId: (req, res) => {
              const given = req.headers["x-request-id"];
              const id = typeof given === "string" && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
              res.setHeader("x-request-id", id);
              return id;
            },
            redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
            autoLogging: { ignore: (req) => req.url === "/v1/healthz" },
          },
        }),
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
