import { DynamicModule, Module } from "@nestjs/common";
import { ENV, type TEnv } from "./env";

/** Makes the validated environment injectable everywhere as `@Inject(ENV)`. */
@Module({})
export class EnvModule {
  static forRoot(env: TEnv): DynamicModule {
    return { module: EnvModule, global: true, providers: [{ provide: ENV, useValue: env }], exports: [ENV] };
  }
}
