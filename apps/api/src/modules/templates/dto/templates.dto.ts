import { createZodDto } from "nestjs-zod";
import { z } from "zod";
import {
  ZCreateConfigFromTemplate,
  ZCreateTemplate,
  ZListTemplatesQuery,
  ZPolicyConfigSaveResult,
  ZRenderTemplateRequest,
  ZTemplate,
  ZTemplateId,
  ZTemplateList,
  ZTemplatePreview,
  ZUpdateTemplate,
} from "@kt/contract";

export class CreateTemplateDto extends createZodDto(ZCreateTemplate) {}
export class UpdateTemplateDto extends createZodDto(ZUpdateTemplate) {}
export class ListTemplatesQueryDto extends createZodDto(ZListTemplatesQuery) {}
export class RenderTemplateRequestDto extends createZodDto(ZRenderTemplateRequest) {}
export class CreateConfigFromTemplateDto extends createZodDto(ZCreateConfigFromTemplate) {}
export class TemplateDto extends createZodDto(ZTemplate) {}
export class TemplateListDto extends createZodDto(ZTemplateList) {}
export class TemplatePreviewDto extends createZodDto(ZTemplatePreview) {}
export class TemplateConfigResultDto extends createZodDto(ZPolicyConfigSaveResult) {}
export class TemplateIdParam extends createZodDto(z.object({ id: ZTemplateId })) {}
