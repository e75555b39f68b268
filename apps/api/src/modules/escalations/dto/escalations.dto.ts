import { createZodDto } from "nestjs-zod";
import {
  ZAssignEscalation,
  ZCommentOnEscalation,
  ZEscalationDetail,
  ZEscalationListQuery,
  ZEscalationPage,
  ZResolveEscalation,
} from "@kt/contract";

export class EscalationListQueryDto extends createZodDto(ZEscalationListQuery) {}
export class EscalationPageDto extends createZodDto(ZEscalationPage) {}
export class EscalationDetailDto extends createZodDto(ZEscalationDetail) {}
export class AssignEscalationDto extends createZodDto(ZAssignEscalation) {}
export class CommentOnEscalationDto extends createZodDto(ZCommentOnEscalation) {}
export class ResolveEscalationDto extends createZodDto(ZResolveEscalation) {}
