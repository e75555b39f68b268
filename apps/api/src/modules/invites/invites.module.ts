import { Module } from "@nestjs/common";
import { MembersModule } from "../members/members.module";
import { InvitesController } from "./invites.controller";
import { InvitesRepository } from "./invites.repository";
import { InvitesService } from "./invites.service";

@Module({
  imports: [MembersModule],
  controllers: [InvitesController],
  providers: [InvitesService, InvitesRepository],
})
export class InvitesModule {}
