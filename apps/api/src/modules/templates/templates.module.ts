import { Module } from "@nestjs/common";
import { PolicyConfigsModule } from "../policy-configs/policy-configs.module";
import { TemplatesController } from "./templates.controller";
import { TemplatesRepository } from "./templates.repository";
import { TemplatesService } from "./templates.service";

@Module({ imports: [PolicyConfigsModule], controllers: [TemplatesController], providers: [TemplatesService, TemplatesRepository] })
export class TemplatesModule {}
