import { createZodDto } from "nestjs-zod";
import { z } from "zod";
import { ZAddTeamMember, ZCreateTeam, ZId, ZListTeamsQuery, ZTeam, ZTeamDetail, ZTeamList, ZUpdateTeam } from "@kt/contract";

export class CreateTeamDto extends createZodDto(ZCreateTeam) {}
export class UpdateTeamDto extends createZodDto(ZUpdateTeam) {}
export class AddTeamMemberDto extends createZodDto(ZAddTeamMember) {}
export class ListTeamsQueryDto extends createZodDto(ZListTeamsQuery) {}
export class TeamDto extends createZodDto(ZTeam) {}
export class TeamDetailDto extends createZodDto(ZTeamDetail) {}
export class TeamListDto extends createZodDto(ZTeamList) {}
export class TeamMemberParam extends createZodDto(z.object({ id: ZId, userId: ZId })) {}
