import "reflect-metadata";
import { NestFactory } from "@nestjs/core";
import type { NestExpressApplication } from "@nestjs/platform-express";
import { DocumentBuilder, SwaggerModule } from "@nestjs/swagger";
import { Logger } from "nestjs-pino";
import { cleanupOpenApiDoc } from "nestjs-zod";
import type { TEnv } from "./config/env";
import { AppModule, type AppOptions } from "./app.module";

/** Builds the API application (used by main.ts and by the integration tests). */
export async function createApp(env: TEnv, options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set("trust proxy", env.TRUST_PROXY);
  app.disable("x-powered-by");
  app.setGlobalPrefix("v1");
  app.enableCors({ origin: [env.CONSOLE_URL], credentials: true });
  app.enableShutdownHooks();

  const config = new DocumentBuilder()
    .setTitle("kt API")
    .setDescription("Control plane for governing how a company's teams use LLMs")
    .setVersion("0.1.0")
    .addBearerAuth({
      type: "http",
      scheme: "bearer",
      description: "A JWT from /v1/auth/login or an API token (kt_api_…)",
    })
    .build();
  const document = cleanupOpenApiDoc(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup("v1/docs", app, document, {
    jsonDocumentUrl: "v1/openapi.json",
    yamlDocumentUrl: "v1/openapi.yaml",
  });
  return app;
}
