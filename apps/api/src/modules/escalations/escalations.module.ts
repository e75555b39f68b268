import { Module } from "@nestjs/common";
import { EscalationsController } from "./escalations.controller";
import { EscalationsRepository } from "./escalations.repository";
import { EscalationsService } from "./escalations.service";

@Module({
  controllers: [EscalationsController],
  providers: [EscalationsService, EscalationsRepository],
  exports: [EscalationsRepository],
})
export class EscalationsModule {}
