import { createZodDto } from "nestjs-zod";
import { z } from "zod";
import {
  ZCreatePolicyConfig,
  ZId,
  ZLintPolicyConfigRequest,
  ZLintPolicyConfigResponse,
  ZListPolicyConfigsQuery,
  ZListPolicyConfigVersionsQuery,
  ZPolicyConfigDetail,
  ZPolicyConfigDiff,
  ZPolicyConfigDiffQuery,
  ZPolicyConfigList,
  ZPolicyConfigSaveResult,
  ZPolicyConfigVersion,
  ZPolicyConfigVersionPage,
  ZRollbackPolicyConfig,
  ZSavePolicyConfigVersion,
  ZUpdatePolicyConfig,
} from "@kt/contract";

export class CreatePolicyConfigDto extends createZodDto(ZCreatePolicyConfig) {}
export class SavePolicyConfigVersionDto extends createZodDto(ZSavePolicyConfigVersion) {}
export class UpdatePolicyConfigDto extends createZodDto(ZUpdatePolicyConfig) {}
export class RollbackPolicyConfigDto extends createZodDto(ZRollbackPolicyConfig) {}
export class LintPolicyConfigRequestDto extends createZodDto(ZLintPolicyConfigRequest) {}
export class LintPolicyConfigResponseDto extends createZodDto(ZLintPolicyConfigResponse) {}
export class ListPolicyConfigsQueryDto extends createZodDto(ZListPolicyConfigsQuery) {}
export class ListPolicyConfigVersionsQueryDto extends createZodDto(ZListPolicyConfigVersionsQuery) {}
export class PolicyConfigDiffQueryDto extends createZodDto(ZPolicyConfigDiffQuery) {}
export class PolicyConfigListDto extends createZodDto(ZPolicyConfigList) {}
export class PolicyConfigDetailDto extends createZodDto(ZPolicyConfigDetail) {}
export class PolicyConfigSaveResultDto extends createZodDto(ZPolicyConfigSaveResult) {}
export class PolicyConfigVersionDto extends createZodDto(ZPolicyConfigVersion) {}
export class PolicyConfigVersionPageDto extends createZodDto(ZPolicyConfigVersionPage) {}
export class PolicyConfigDiffDto extends createZodDto(ZPolicyConfigDiff) {}
export class VersionParam extends createZodDto(z.object({ id: ZId, number: z.coerce.number().int().positive() })) {}
